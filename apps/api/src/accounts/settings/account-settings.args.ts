import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsDisplayNameText } from '../../common/text/text-validators';
import { MAX_PASSWORD_LENGTH } from '../password-policy';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class UpdateProfileArgs {
  @Field()
  @IsDisplayNameText('nom affiché', 2, 80, { lengthMessage: problem('DISPLAY_NAME_LENGTH') })
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
  @MaxLength(MAX_PASSWORD_LENGTH, problem('PASSWORD_TOO_LONG', { max: MAX_PASSWORD_LENGTH }))
  newPassword: string;
}

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID)
  @IsString()
  @Matches(/^[0-9a-f]{16}$/, problem('INVALID_SESSION_ID'))
  id: string;
}
