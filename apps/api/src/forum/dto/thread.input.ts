import { Field, ID, InputType } from '@nestjs/graphql';
import { FORUM_LIMITS } from '@essaim/domain';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsTitleText } from '../../common/text/text-validators';

export const ID_PATTERN = /^\d{1,12}$/;
export const BODY_MESSAGE = `Le message doit contenir entre 1 et ${FORUM_LIMITS.maxPostLength} caractères.`;

@InputType()
export class ThreadInput {
  @Field(() => ID)
  @IsString()
  @Matches(ID_PATTERN, { message: 'Catégorie invalide.' })
  categoryId: string;

  @Field()
  @IsTitleText('titre', FORUM_LIMITS.minTitleLength, FORUM_LIMITS.maxTitleLength, {
    lengthMessage: `Le titre doit contenir entre ${FORUM_LIMITS.minTitleLength} et ${FORUM_LIMITS.maxTitleLength} caractères.`,
  })
  title: string;

  @Field({ description: 'Markdown of the first post.' })
  @IsString()
  @Length(1, FORUM_LIMITS.maxPostLength, { message: BODY_MESSAGE })
  @Matches(/\S/, { message: 'Le message ne peut pas être vide.' })
  body: string;

  @Field(() => ID, { nullable: true, description: "Makes this thread the project sheet's Discussion (one per project)." })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'Projet invalide.' })
  projectId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'A question: its author can accept an answer.' })
  @IsOptional()
  @IsBoolean()
  isQuestion?: boolean;
}
