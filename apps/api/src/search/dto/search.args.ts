import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Theme } from '../../common/theme.enum';
import { TERRITORY_CODE_PATTERN } from '../../common/validation/ids';
import { SearchType } from '../models/search-result.model';

export const SEARCH_MAX_FIRST = 50;
export const SEARCH_MAX_OFFSET = 1000;

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Free text; accents and small typos do not matter. Empty lists everything matching the filters.' })
  @IsString()
  @MaxLength(200, { message: 'La recherche est limitée à 200 caractères.' })
  q: string;

  @Field(() => [SearchType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(SearchType, { each: true, message: 'Type de contenu inconnu.' })
  types?: SearchType[] | null;

  @Field(() => [Theme], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(14)
  @IsEnum(Theme, { each: true, message: 'Thème inconnu.' })
  themes?: Theme[] | null;

  @Field(() => String, { nullable: true, description: 'Code of a commune (INSEE), EPCI (SIREN) or département.' })
  @IsOptional()
  @Matches(TERRITORY_CODE_PATTERN, { message: 'Code de territoire invalide (exemples : 91223, 200056232).' })
  territoryCode?: string | null;

  @Field(() => Int, { nullable: true, description: `Results per page: 20 by default, at most ${SEARCH_MAX_FIRST}.` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first doit être au moins 1.' })
  @Max(SEARCH_MAX_FIRST, { message: `Au plus ${SEARCH_MAX_FIRST} résultats par page.` })
  first?: number | null;

  @Field(() => Int, { nullable: true, description: `Results to skip (at most ${SEARCH_MAX_OFFSET}).` })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'offset ne peut pas être négatif.' })
  @Max(SEARCH_MAX_OFFSET, { message: `Impossible d'aller au-delà des ${SEARCH_MAX_OFFSET} premiers résultats ; affinez la recherche.` })
  offset?: number | null;
}
