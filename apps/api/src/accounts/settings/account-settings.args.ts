import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../password-policy';

@ArgsType()
export class UpdateProfileArgs {
  @Field()
  @IsString()
  @Length(2, 80, { message: 'Le nom affiché doit contenir entre 2 et 80 caractères.' })
  @Matches(/^[^<>]*$/, { message: 'Le nom affiché ne peut pas contenir les caractères < et >.' })
  displayName: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.` })
  newPassword: string;
}

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID)
  @IsString()
  @Matches(/^[0-9a-f]{16}$/, { message: 'Identifiant de session invalide.' })
  id: string;
}
