import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { THEMES } from '@essaim/domain';
import { Theme } from '../../common/theme.enum';
import { MapLevel } from '../models/territory-map.model';

const TERRITORY_CODE = /^[0-9A-Za-z]{2,12}$/;
const DEPARTEMENT_CODE = /^(\d{2,3}|2[AB])$/;

@ArgsType()
export class TerritoryMapArgs {
  @Field(() => ID, { description: 'A commune, an EPCI or a département.' })
  @Matches(TERRITORY_CODE, { message: 'Code de territoire invalide.' })
  code: string;
}

@ArgsType()
export class BlockerMapArgs {
  @Field({ description: 'Département code, e.g. "91".' })
  @Matches(DEPARTEMENT_CODE, { message: 'Code de département invalide (exemples : 91, 2A, 971).' })
  departement: string;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsIn(THEMES, { message: 'Thème inconnu.' })
  theme?: Theme | null;
}

@ArgsType()
export class ComparisonMapArgs {
  @Field(() => String, { nullable: true, description: 'Indicator to map (default: the first one the territory lags on, else the first one).' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{1,40}$/, { message: 'Code d’indicateur invalide.' })
  indicatorCode?: string | null;

  @Field(() => MapLevel, { nullable: true, description: 'Default: EPCI for an EPCI, else COMMUNE.' })
  @IsOptional()
  @IsIn(Object.values(MapLevel), { message: 'Niveau de carte inconnu.' })
  level?: MapLevel | null;
}
