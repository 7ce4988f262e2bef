import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INDICATOR_CODE_PATTERN } from '@essaim/domain';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { MAX_CSV_LENGTH, MAX_SOURCE_LENGTH, MAX_YEAR, MIN_YEAR, TERRITORY_CODE_PATTERN } from './benchmark-bounds';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class SetIndicatorValueArgs {
  @Field()
  @Matches(INDICATOR_CODE_PATTERN, problem('INVALID_INDICATOR_CODE'))
  indicatorCode: string;

  @Field()
  @Matches(TERRITORY_CODE_PATTERN, problem('INVALID_TERRITORY_CODE'))
  territoryCode: string;

  @Field(() => Int)
  @Min(MIN_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  @Max(MAX_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  year: number;

  @Field(() => Float, { description: 'As entered: a total (in the indicator’s inputUnit) for per-inhabitant indicators.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, problem('VALUE_NOT_A_NUMBER'))
  @Min(-1e12, problem('VALUE_OUT_OF_RANGE'))
  @Max(1e12, problem('VALUE_OUT_OF_RANGE'))
  value: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_LENGTH, problem('SOURCE_TOO_LONG', { max: MAX_SOURCE_LENGTH }))
  source?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Id of the current value the user saw; when another value replaced it since, the write fails with CONFLICT. Omit to create or supersede without the check.',
  })
  @IsOptional()
  @Matches(/^\d{1,12}$/, problem('INVALID_VALUE_ID'))
  baseValueId?: string | null;
}

@ArgsType()
export class ImportIndicatorValuesArgs {
  @Field({ description: 'CSV text, header `indicateur;territoire;annee;valeur;source` (see docs/benchmark.md).' })
  @IsString()
  @MaxLength(MAX_CSV_LENGTH, problem('CSV_TOO_LARGE'))
  csv: string;

  @Field({ description: 'True: only validate and report; false: import everything or nothing.' })
  @IsBoolean()
  dryRun: boolean;
}

@ArgsType()
export class IndicatorHistoryArgs extends PaginationArgs {
  @Field()
  @Matches(INDICATOR_CODE_PATTERN, problem('INVALID_INDICATOR_CODE'))
  indicatorCode: string;

  @Field()
  @Matches(TERRITORY_CODE_PATTERN, problem('INVALID_TERRITORY_CODE'))
  territoryCode: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;
}
