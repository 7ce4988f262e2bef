import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDisplayNameText } from '../../common/text/text-validators';
import { TERRITORY_CODE_PATTERN } from '../../common/validation/ids';
import { MAX_PASSWORD_LENGTH } from '../password-policy';
import { problem } from '../../common/validation/problem';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, problem('INVALID_EMAIL'))
  @MaxLength(254)
  email: string;

  /** Length and strength are checked by the password policy, with a clearer message. */
  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, problem('PASSWORD_TOO_LONG', { max: MAX_PASSWORD_LENGTH }))
  password: string;

  @Field()
  @IsDisplayNameText('nom affiché', 2, 80, { lengthMessage: problem('DISPLAY_NAME_LENGTH') })
  displayName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TERRITORY_CODE_PATTERN, problem('INVALID_HOME_TERRITORY_CODE'))
  territoryCode?: string | null;
}
