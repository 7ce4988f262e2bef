import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MATURITY_MAX, MATURITY_MIN, THEMES } from '@essaim/domain';
import { Theme } from '../../common/theme.enum';
import { MAX_YEAR, MIN_YEAR, TERRITORY_CODE_PATTERN } from './benchmark-bounds';
import { PeerSelectionArgs } from './comparison.args';
import { problem } from '../../common/validation/problem';

@ArgsType()
export class SetMaturityScoreArgs {
  @Field()
  @Matches(TERRITORY_CODE_PATTERN, problem('INVALID_TERRITORY_CODE'))
  territoryCode: string;

  @Field(() => Theme)
  @IsIn(THEMES, problem('UNKNOWN_THEME'))
  theme: Theme;

  @Field(() => Int)
  @Min(MIN_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  @Max(MAX_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  year: number;

  @Field(() => Int, { description: `${MATURITY_MIN} (nothing yet) to ${MATURITY_MAX} (exemplary).` })
  @IsInt(problem('SCORE_NOT_INTEGER'))
  @Min(MATURITY_MIN, problem('SCORE_OUT_OF_RANGE', { min: MATURITY_MIN, max: MATURITY_MAX }))
  @Max(MATURITY_MAX, problem('SCORE_OUT_OF_RANGE', { min: MATURITY_MIN, max: MATURITY_MAX }))
  score: number;

  @Field()
  @IsString()
  @MinLength(10, problem('JUSTIFICATION_TOO_SHORT'))
  @MaxLength(2000, problem('JUSTIFICATION_TOO_LONG'))
  justification: string;
}

@ArgsType()
export class MaturityArgs extends PeerSelectionArgs {
  @Field(() => Int, { nullable: true, description: 'Default: the territory’s latest assessment year.' })
  @IsOptional()
  @Min(MIN_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  @Max(MAX_YEAR, problem('YEAR_OUT_OF_RANGE', { min: MIN_YEAR, max: MAX_YEAR }))
  year?: number | null;
}
