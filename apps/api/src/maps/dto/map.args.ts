import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { THEMES } from '@essaim/domain';
import { Theme } from '../../common/theme.enum';
import { MapLevel } from '../models/territory-map.model';
import { problem } from '../../common/validation/problem';

const TERRITORY_CODE = /^[0-9A-Za-z]{2,12}$/;
const DEPARTEMENT_CODE = /^(\d{2,3}|2[AB])$/;

@ArgsType()
export class TerritoryMapArgs {
  @Field(() => ID, { description: 'A commune, an EPCI or a département.' })
  @Matches(TERRITORY_CODE, problem('INVALID_TERRITORY_CODE'))
  code: string;
}

@ArgsType()
export class BlockerMapArgs {
  @Field({ description: 'Département code, e.g. "91".' })
  @Matches(DEPARTEMENT_CODE, problem('INVALID_DEPARTEMENT_CODE'))
  departement: string;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsIn(THEMES, problem('UNKNOWN_THEME'))
  theme?: Theme | null;
}

@ArgsType()
export class ComparisonMapArgs {
  @Field(() => String, { nullable: true, description: 'Indicator to map (default: the first one the territory lags on, else the first one).' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,40}$/, problem('INVALID_INDICATOR_CODE'))
  indicatorCode?: string | null;

  @Field(() => MapLevel, { nullable: true, description: 'Default: EPCI for an EPCI, else COMMUNE.' })
  @IsOptional()
  @IsIn(Object.values(MapLevel), problem('UNKNOWN_MAP_LEVEL'))
  level?: MapLevel | null;
}
