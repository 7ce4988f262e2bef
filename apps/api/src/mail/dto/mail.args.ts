import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { MAX_PASSWORD_LENGTH } from '../../accounts/password-policy';
import { MailMode } from '../notification-kinds';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @IsString()
  @MaxLength(254, problem('EMAIL_TOO_LONG'))
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field()
  @IsString()
  @MaxLength(200, problem('INVALID_RESET_LINK'))
  token: string;

  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, problem('PASSWORD_TOO_LONG', { max: MAX_PASSWORD_LENGTH }))
  password: string;
}

@ArgsType()
export class VerifyEmailArgs {
  @Field()
  @IsString()
  @MaxLength(200, problem('INVALID_CONFIRMATION_LINK'))
  token: string;
}

@InputType()
export class NotificationMailPreferenceInput {
  @Field({ description: 'A notification kind, e.g. MENTION or PROJECT_UPDATED.' })
  @IsString()
  @Matches(/^[A-Z_]{1,32}$/, problem('INVALID_NOTIFICATION_TYPE'))
  kind: string;

  @Field(() => MailMode)
  @IsEnum(MailMode, problem('INVALID_MAIL_MODE'))
  mode: MailMode;
}

@ArgsType()
export class SetMailPreferencesArgs {
  @Field(() => String, { nullable: true, description: 'fr or en: the language of the e-mails.' })
  @IsOptional()
  @IsIn(['fr', 'en'], problem('INVALID_LANGUAGE'))
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
  @Matches(/^\d{1,12}$/, problem('INVALID_SEMINAR_ID'))
  seminarId: string;

  @Field(() => [String], { description: 'Addresses to invite (at most 200); not kept once the invitations are sent.' })
  @IsArray()
  @ArrayMaxSize(200, problem('TOO_MANY_ADDRESSES'))
  @IsEmail({}, { each: true, ...problem('INVALID_ADDRESS_IN_LIST') })
  @MaxLength(254, { each: true })
  emails: string[];
}

@ArgsType()
export class ChangeEmailArgs {
  @Field({ description: 'The new address; it becomes the account’s once the link sent to it is used.' })
  @IsEmail({}, problem('INVALID_EMAIL'))
  @MaxLength(254)
  email: string;

  @Field({ description: 'The current password, to prove it is the account’s owner asking.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
