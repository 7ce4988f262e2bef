import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { PROJECT_STAGES, THEMES } from '@essaim/domain';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { ProjectStage } from '../project-stage.enum';
import { Theme } from '../../common/theme.enum';
import { TERRITORY_CODE } from './project.input';
import { problem } from '../../common/validation/problem';

@InputType()
export class ProjectFilter {
  @Field(() => [Theme], { nullable: true, description: 'Sheets having at least one of these themes.' })
  @IsOptional()
  @ArrayMaxSize(THEMES.length)
  @IsIn(THEMES, { each: true, ...problem('UNKNOWN_THEME') })
  themes?: Theme[] | null;

  @Field(() => ProjectStage, { nullable: true })
  @IsOptional()
  @IsIn(PROJECT_STAGES, problem('UNKNOWN_PROJECT_STAGE'))
  stage?: ProjectStage | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TERRITORY_CODE, problem('INVALID_TERRITORY_CODE'))
  territoryCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only blocked (true) or only unblocked (false) sheets.' })
  @IsOptional()
  @IsBoolean()
  blocked?: boolean | null;
}

@ArgsType()
export class ProjectsArgs extends PaginationArgs {
  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter | null;
}
