import { Field, ID, InputType } from '@nestjs/graphql';
import { FORUM_LIMITS } from '@essaim/domain';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';
import { problem } from '../../common/validation/problem';

export const ID_PATTERN = /^\d{1,12}$/;
export const BODY_MESSAGE = problem('POST_BODY_LENGTH', { min: 1, max: FORUM_LIMITS.maxPostLength });

@InputType()
export class ThreadInput {
  @Field(() => ID)
  @IsString()
  @Matches(ID_PATTERN, problem('INVALID_CATEGORY'))
  categoryId: string;

  @Field()
  @IsTitleText('titre', FORUM_LIMITS.minTitleLength, FORUM_LIMITS.maxTitleLength, {
    lengthMessage: problem('THREAD_TITLE_LENGTH', { min: FORUM_LIMITS.minTitleLength, max: FORUM_LIMITS.maxTitleLength }),
  })
  title: string;

  @Field({ description: 'Markdown of the first post.' })
  @IsString()
  @Length(1, FORUM_LIMITS.maxPostLength, BODY_MESSAGE)
  @Matches(/\S/, problem('POST_EMPTY'))
  body: string;

  @Field(() => ID, { nullable: true, description: "Makes this thread the project sheet's Discussion (one per project)." })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, problem('INVALID_PROJECT'))
  projectId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'A question: its author can accept an answer.' })
  @IsOptional()
  @IsBoolean()
  isQuestion?: boolean;
}
