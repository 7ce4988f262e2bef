import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsDisplayNameText } from '../../common/text/text-validators';
import { MAX_PASSWORD_LENGTH } from '../password-policy';

@ArgsType()
export class UpdateProfileArgs {
  @Field()
  @IsDisplayNameText('nom affiché', 2, 80, { lengthMessage: 'Le nom affiché doit contenir entre 2 et 80 caractères.' })
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
