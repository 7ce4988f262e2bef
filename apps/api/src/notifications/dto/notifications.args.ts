import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FollowTargetType } from '../follow-target';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class FollowArgs {
  @Field(() => FollowTargetType)
  @IsEnum(FollowTargetType, problem('UNKNOWN_FOLLOW_TARGET_TYPE'))
  targetType: FollowTargetType;

  @Field(() => ID)
  @IsString()
  @Matches(/^\d{1,12}$/, problem('INVALID_TARGET_ID'))
  targetId: string;
}

@ArgsType()
export class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Only these notifications; all of them when omitted.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500, problem('TOO_MANY_NOTIFICATIONS'))
  @IsString({ each: true })
  @MaxLength(12, { each: true })
  @Matches(/^\d+$/, { each: true, ...problem('NOTIFICATION_ID_MALFORMED') })
  ids?: string[] | null;
}
