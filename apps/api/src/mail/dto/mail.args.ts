import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { MAX_PASSWORD_LENGTH } from '../../accounts/password-policy';
import { MailMode } from '../notification-kinds';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @IsString()
  @MaxLength(254, { message: "L'adresse e-mail est trop longue." })
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field()
  @IsString()
  @MaxLength(200, { message: 'Lien de réinitialisation invalide.' })
  token: string;

  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.` })
  password: string;
}

@ArgsType()
export class VerifyEmailArgs {
  @Field()
  @IsString()
  @MaxLength(200, { message: 'Lien de confirmation invalide.' })
  token: string;
}

@InputType()
export class NotificationMailPreferenceInput {
  @Field({ description: 'A notification kind, e.g. MENTION or PROJECT_UPDATED.' })
  @IsString()
  @Matches(/^[A-Z_]{1,32}$/, { message: 'Type de notification invalide.' })
  kind: string;

  @Field(() => MailMode)
  @IsEnum(MailMode, { message: 'Mode invalide : IMMEDIATE, DAILY, WEEKLY ou NEVER.' })
  mode: MailMode;
}

@ArgsType()
export class SetMailPreferencesArgs {
  @Field(() => String, { nullable: true, description: 'fr or en: the language of the e-mails.' })
  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'Langue invalide : fr ou en.' })
  language?: 'fr' | 'en' | null;

  @Field(() => [NotificationMailPreferenceInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NotificationMailPreferenceInput)
  kinds?: NotificationMailPreferenceInput[] | null;
}

@ArgsType()
export class InviteToSeminarArgs {
  @Field(() => ID)
  @IsString()
  @Matches(/^\d{1,12}$/, { message: 'Identifiant de séminaire invalide.' })
  seminarId: string;

  @Field(() => [String], { description: 'Addresses to invite (at most 200); not kept once the invitations are sent.' })
  @IsArray()
  @ArrayMaxSize(200, { message: 'Au plus 200 adresses à la fois.' })
  @IsEmail({}, { each: true, message: 'Une des adresses n’est pas valide.' })
  @MaxLength(254, { each: true })
  emails: string[];
}

@ArgsType()
export class ChangeEmailArgs {
  @Field({ description: 'The new address; it becomes the account’s once the link sent to it is used.' })
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(254)
  email: string;

  @Field({ description: 'The current password, to prove it is the account’s owner asking.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
