import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageInput } from './page.input';
import { ProjectInput, TERRITORY_CODE } from './project.input';
import { problem } from '../../common/validation/problem';

const ID_PATTERN = /^\d{1,12}$/;
const ID_MESSAGE = problem('INVALID_ID');

@ArgsType()
export class SlugArgs {
  @Field()
  @IsString()
  @MaxLength(120)
  slug: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, ID_MESSAGE)
  id: string;
}

@ArgsType()
export class CreateProjectArgs {
  @Field(() => ProjectInput)
  @ValidateNested()
  @Type(() => ProjectInput)
  input: ProjectInput;
}

@ArgsType()
export class UpdateProjectArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, ID_MESSAGE)
  id: string;

  @Field(() => Int, { description: 'The revision the edit started from; CONFLICT when someone saved since.' })
  @Min(1)
  @Max(1_000_000)
  baseRevision: number;

  @Field(() => ProjectInput)
  @ValidateNested()
  @Type(() => ProjectInput)
  input: ProjectInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, problem('COMMENT_TOO_LONG', { max: 500 }))
  comment?: string | null;
}

@ArgsType()
export class RestoreRevisionArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, ID_MESSAGE)
  id: string;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  revision: number;
}

@ArgsType()
export class HideRevisionArgs extends RestoreRevisionArgs {
  @Field(() => Boolean, { defaultValue: true, description: 'false shows the revision again.' })
  @IsBoolean()
  hidden: boolean;

  @Field()
  @IsString()
  @MinLength(3, problem('REASON_REQUIRED'))
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class ReplicateProjectArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, ID_MESSAGE)
  sourceId: string;

  @Field()
  @Matches(TERRITORY_CODE, problem('INVALID_TERRITORY_CODE'))
  territoryCode: string;
}

@ArgsType()
export class CreatePageArgs {
  @Field(() => PageInput)
  @ValidateNested()
  @Type(() => PageInput)
  input: PageInput;
}

@ArgsType()
export class UpdatePageArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, ID_MESSAGE)
  id: string;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  baseRevision: number;

  @Field(() => PageInput)
  @ValidateNested()
  @Type(() => PageInput)
  input: PageInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, problem('COMMENT_TOO_LONG', { max: 500 }))
  comment?: string | null;
}

@ArgsType()
export class DiffArgs {
  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  from: number;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  to: number;
}

@ArgsType()
export class PreviewArgs {
  @Field({ description: 'Markdown to render exactly as a saved body would be.' })
  @IsString()
  @MaxLength(100_000, problem('MARKDOWN_TOO_LONG'))
  markdown: string;
}
