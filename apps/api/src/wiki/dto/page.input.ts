import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_MARKDOWN_LENGTH } from '../../common/markdown';
import { IsTitleText } from '../../common/text/text-validators';

@InputType()
export class PageInput {
  @Field()
  @IsTitleText('titre', 2, 200, { lengthMessage: 'Le titre doit comporter entre 2 et 200 caractères.' })
  title: string;

  @Field({ description: 'Markdown; `[[Titre]]` links to another page or a project sheet.' })
  @IsString()
  @MaxLength(MAX_MARKDOWN_LENGTH, { message: 'Le texte ne doit pas dépasser 100 000 caractères.' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'Parent page in the page tree; omitted on update = unchanged.' })
  @IsOptional()
  @Matches(/^\d{1,12}$/, { message: 'Page parente invalide.' })
  parentId?: string | null;
}
