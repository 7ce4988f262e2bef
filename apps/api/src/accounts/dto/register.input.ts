import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDisplayNameText } from '../../common/text/text-validators';
import { TERRITORY_CODE_PATTERN } from '../../common/validation/ids';
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
  @IsDisplayNameText('nom affiché', 2, 80, { lengthMessage: 'Le nom affiché doit contenir entre 2 et 80 caractères.' })
  displayName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TERRITORY_CODE_PATTERN, { message: "Code de territoire invalide : indiquez un code INSEE de commune ou un SIREN d'EPCI." })
  territoryCode?: string | null;
}
