import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PROJECT_STAGES, THEMES } from '@essaim/domain';
import { MAX_MARKDOWN_LENGTH } from '../../common/markdown';
import { IsTitleText } from '../../common/text/text-validators';
import { ProjectSections } from '../project-sections';
import { ProjectStage } from '../project-stage.enum';
import { Theme } from '../../common/theme.enum';
import { problem } from '../../common/validation/problem';

export const TERRITORY_CODE = /^[0-9A-Z]{2,12}$/;

@InputType()
export class ProjectInput {
  @Field()
  @IsTitleText('titre', 3, 200, { lengthMessage: problem('TITLE_LENGTH', { min: 3, max: 200 }) })
  title: string;

  @Field()
  @IsString()
  @MaxLength(1000, problem('SUMMARY_TOO_LONG'))
  summary: string;

  @Field({ description: 'Markdown.' })
  @IsString()
  @MaxLength(MAX_MARKDOWN_LENGTH, problem('MARKDOWN_TOO_LONG'))
  body: string;

  @Field(() => [Theme])
  @ArrayMinSize(1, problem('THEME_REQUIRED'))
  @ArrayMaxSize(THEMES.length)
  @IsIn(THEMES, { each: true, ...problem('UNKNOWN_THEME') })
  themes: Theme[];

  @Field(() => ProjectStage)
  @IsIn(PROJECT_STAGES, problem('UNKNOWN_PROJECT_STAGE'))
  stage: ProjectStage;

  @Field()
  @Matches(TERRITORY_CODE, problem('INVALID_TERRITORY_CODE'))
  territoryCode: string;

  @Field(() => Int, { nullable: true, description: 'Total budget in euros (TTC).' })
  @IsOptional()
  @Min(0, problem('BUDGET_NEGATIVE'))
  @Max(2_000_000_000, problem('BUDGET_TOO_HIGH'))
  budgetEuros?: number | null;

  @Field(() => ProjectSections, { nullable: true, description: 'Structured sections; omitted on update = unchanged.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectSections)
  sections?: ProjectSections | null;
}
