import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INDICATOR_CODE_PATTERN } from '@essaim/domain';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { MAX_CSV_LENGTH, MAX_SOURCE_LENGTH, MAX_YEAR, MIN_YEAR, TERRITORY_CODE_PATTERN } from './benchmark-bounds';

@ArgsType()
export class SetIndicatorValueArgs {
  @Field()
  @Matches(INDICATOR_CODE_PATTERN, { message: 'Code d’indicateur invalide.' })
  indicatorCode: string;

  @Field()
  @Matches(TERRITORY_CODE_PATTERN, { message: 'Code de territoire invalide.' })
  territoryCode: string;

  @Field(() => Int)
  @Min(MIN_YEAR, { message: `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.` })
  @Max(MAX_YEAR, { message: `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.` })
  year: number;

  @Field(() => Float, { description: 'As entered: a total (in the indicator’s inputUnit) for per-inhabitant indicators.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'La valeur doit être un nombre.' })
  @Min(-1e12, { message: 'Valeur hors limites.' })
  @Max(1e12, { message: 'Valeur hors limites.' })
  value: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_LENGTH, { message: `La source ne doit pas dépasser ${MAX_SOURCE_LENGTH} caractères.` })
  source?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Id of the current value the user saw; when another value replaced it since, the write fails with CONFLICT. Omit to create or supersede without the check.',
  })
  @IsOptional()
  @Matches(/^\d{1,12}$/, { message: 'Identifiant de valeur invalide.' })
  baseValueId?: string | null;
}

@ArgsType()
export class ImportIndicatorValuesArgs {
  @Field({ description: 'CSV text, header `indicateur;territoire;annee;valeur;source` (see docs/benchmark.md).' })
  @IsString()
  @MaxLength(MAX_CSV_LENGTH, { message: 'Le fichier CSV est trop volumineux (900 000 caractères au plus).' })
  csv: string;

  @Field({ description: 'True: only validate and report; false: import everything or nothing.' })
  @IsBoolean()
  dryRun: boolean;
}

@ArgsType()
export class IndicatorHistoryArgs extends PaginationArgs {
  @Field()
  @Matches(INDICATOR_CODE_PATTERN, { message: 'Code d’indicateur invalide.' })
  indicatorCode: string;

  @Field()
  @Matches(TERRITORY_CODE_PATTERN, { message: 'Code de territoire invalide.' })
  territoryCode: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;
}
