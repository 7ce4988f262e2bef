import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../password-policy';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(254)
  email: string;

  /** Length and strength are checked by the password policy, with a clearer message. */
  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.` })
  password: string;

  @Field()
  @IsString()
  @Length(2, 80, { message: 'Le nom affiché doit contenir entre 2 et 80 caractères.' })
  @Matches(/^[^<>]*$/, { message: 'Le nom affiché ne peut pas contenir les caractères < et >.' })
  displayName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  territoryCode?: string | null;
}
