import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_MARKDOWN_LENGTH } from '../../common/markdown';
import { IsTitleText } from '../../common/text/text-validators';
import { problem } from '../../common/validation/problem';

@InputType()
export class PageInput {
  @Field()
  @IsTitleText('titre', 2, 200, { lengthMessage: problem('TITLE_LENGTH', { min: 2, max: 200 }) })
  title: string;

  @Field({ description: 'Markdown; `[[Titre]]` links to another page or a project sheet.' })
  @IsString()
  @MaxLength(MAX_MARKDOWN_LENGTH, problem('MARKDOWN_TOO_LONG'))
  body: string;

  @Field(() => ID, { nullable: true, description: 'Parent page in the page tree; omitted on update = unchanged.' })
  @IsOptional()
  @Matches(/^\d{1,12}$/, problem('INVALID_PARENT_PAGE'))
  parentId?: string | null;
}
