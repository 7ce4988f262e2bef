import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Theme } from '../../common/theme.enum';
import { ENTITY_ID_PATTERN } from '../../common/validation/ids';
import { BlockerStatus } from '../blocker-enums';
import { BlockerEditInput } from './blocker-edit.input';
import { BlockerInput } from './blocker.input';
import { problem } from '../../common/validation/problem';

export const RESOLUTION_MIN = 10;
export const RESOLUTION_MAX = 4000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ArgsType()
export class ReportBlockerArgs {
  @Field(() => ID)
  @IsString()
  @Matches(ENTITY_ID_PATTERN, problem('INVALID_PROJECT_ID'))
  projectId: string;

  @Field(() => BlockerInput)
  @ValidateNested()
  @Type(() => BlockerInput)
  input: BlockerInput;
}

@ArgsType()
export class UpdateBlockerArgs {
  @Field(() => ID)
  @IsString()
  @Matches(ENTITY_ID_PATTERN, problem('INVALID_BLOCKER_ID'))
  id: string;

  @Field(() => BlockerStatus)
  @IsEnum(BlockerStatus, problem('UNKNOWN_BLOCKER_STATUS'))
  status: BlockerStatus;

  @Field(() => String, { nullable: true, description: 'Required for LIFTED and WORKED_AROUND: how it was done.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(RESOLUTION_MAX, problem('RESOLUTION_TOO_LONG', { max: RESOLUTION_MAX }))
  resolution?: string | null;

  @Field(() => String, { nullable: true, description: 'A note kept in the timeline (hidden from outsiders when confidential).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000, problem('COMMENT_TOO_LONG', { max: 2000 }))
  comment?: string | null;
}

@ArgsType()
export class EditBlockerArgs {
  @Field(() => ID)
  @IsString()
  @Matches(ENTITY_ID_PATTERN, problem('INVALID_BLOCKER_ID'))
  id: string;

  @Field(() => BlockerEditInput)
  @ValidateNested()
  @Type(() => BlockerEditInput)
  input: BlockerEditInput;

  @Field(() => Int, { description: 'The `revision` the edit started from; another revision means someone edited meanwhile (CONFLICT).' })
  @IsInt(problem('INVALID_STARTING_REVISION'))
  @Min(1, problem('INVALID_STARTING_REVISION'))
  baseRevision: number;
}

@ArgsType()
export class BlockerStatsArgs {
  @Field(() => String, { nullable: true, description: 'Département code, e.g. "91"; null for every département.' })
  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/, problem('INVALID_DEPARTEMENT_CODE'))
  departement?: string | null;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsEnum(Theme, problem('UNKNOWN_THEME'))
  theme?: Theme | null;

  @Field(() => String, { nullable: true, description: 'EPCI SIREN code: only projects of that EPCI and its communes.' })
  @IsOptional()
  @Matches(/^\d{9}$/, problem('INVALID_EPCI_CODE'))
  epci?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 24, description: 'Months of trend, ending with the current month (1 to 60).' })
  @IsOptional()
  @IsInt()
  @Min(1, problem('TREND_TOO_SHORT'))
  @Max(60, problem('TREND_TOO_LONG'))
  months?: number | null;
}
