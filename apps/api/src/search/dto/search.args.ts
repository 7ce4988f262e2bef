import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Theme } from '../../common/theme.enum';
import { TERRITORY_CODE_PATTERN } from '../../common/validation/ids';
import { SearchType } from '../models/search-result.model';
import { problem } from '../../common/validation/problem';

export const SEARCH_MAX_FIRST = 50;
export const SEARCH_MAX_OFFSET = 1000;

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Free text; accents and small typos do not matter. Empty lists everything matching the filters.' })
  @IsString()
  @MaxLength(200, problem('SEARCH_QUERY_TOO_LONG'))
  q: string;

  @Field(() => [SearchType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(SearchType, { each: true, ...problem('UNKNOWN_CONTENT_TYPE') })
  types?: SearchType[] | null;

  @Field(() => [Theme], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(14)
  @IsEnum(Theme, { each: true, ...problem('UNKNOWN_THEME') })
  themes?: Theme[] | null;

  @Field(() => String, { nullable: true, description: 'Code of a commune (INSEE), EPCI (SIREN) or département.' })
  @IsOptional()
  @Matches(TERRITORY_CODE_PATTERN, problem('INVALID_TERRITORY_CODE_EXAMPLES'))
  territoryCode?: string | null;

  @Field(() => Int, { nullable: true, description: `Results per page: 20 by default, at most ${SEARCH_MAX_FIRST}.` })
  @IsOptional()
  @IsInt()
  @Min(1, problem('SEARCH_FIRST_TOO_SMALL'))
  @Max(SEARCH_MAX_FIRST, problem('SEARCH_FIRST_TOO_LARGE', { max: SEARCH_MAX_FIRST }))
  first?: number | null;

  @Field(() => Int, { nullable: true, description: `Results to skip (at most ${SEARCH_MAX_OFFSET}).` })
  @IsOptional()
  @IsInt()
  @Min(0, problem('SEARCH_OFFSET_NEGATIVE'))
  @Max(SEARCH_MAX_OFFSET, problem('SEARCH_OFFSET_TOO_LARGE', { max: SEARCH_MAX_OFFSET }))
  offset?: number | null;
}
