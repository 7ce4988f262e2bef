import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PROJECT_STAGES, THEMES } from '@essaim/domain';
import { MAX_MARKDOWN_LENGTH } from '../../common/markdown';
import { IsTitleText } from '../../common/text/text-validators';
import { ProjectSections } from '../project-sections';
import { ProjectStage } from '../project-stage.enum';
import { Theme } from '../../common/theme.enum';

export const TERRITORY_CODE = /^[0-9A-Z]{2,12}$/;

@InputType()
export class ProjectInput {
  @Field()
  @IsTitleText('titre', 3, 200, { lengthMessage: 'Le titre doit comporter entre 3 et 200 caractères.' })
  title: string;

  @Field()
  @IsString()
  @MaxLength(1000, { message: 'Le résumé ne doit pas dépasser 1 000 caractères.' })
  summary: string;

  @Field({ description: 'Markdown.' })
  @IsString()
  @MaxLength(MAX_MARKDOWN_LENGTH, { message: 'Le texte ne doit pas dépasser 100 000 caractères.' })
  body: string;

  @Field(() => [Theme])
  @ArrayMinSize(1, { message: 'Choisissez au moins un thème.' })
  @ArrayMaxSize(THEMES.length)
  @IsIn(THEMES, { each: true, message: 'Thème inconnu.' })
  themes: Theme[];

  @Field(() => ProjectStage)
  @IsIn(PROJECT_STAGES, { message: 'Étape de projet inconnue.' })
  stage: ProjectStage;

  @Field()
  @Matches(TERRITORY_CODE, { message: 'Code de territoire invalide.' })
  territoryCode: string;

  @Field(() => Int, { nullable: true, description: 'Total budget in euros (TTC).' })
  @IsOptional()
  @Min(0, { message: 'Le budget ne peut pas être négatif.' })
  @Max(2_000_000_000, { message: 'Le budget est trop élevé.' })
  budgetEuros?: number | null;

  @Field(() => ProjectSections, { nullable: true, description: 'Structured sections; omitted on update = unchanged.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectSections)
  sections?: ProjectSections | null;
}
