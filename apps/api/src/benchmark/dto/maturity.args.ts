import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MATURITY_MAX, MATURITY_MIN, THEMES } from '@essaim/domain';
import { Theme } from '../../common/theme.enum';
import { MAX_YEAR, MIN_YEAR, TERRITORY_CODE_PATTERN } from './benchmark-bounds';
import { PeerSelectionArgs } from './comparison.args';

@ArgsType()
export class SetMaturityScoreArgs {
  @Field()
  @Matches(TERRITORY_CODE_PATTERN, { message: 'Code de territoire invalide.' })
  territoryCode: string;

  @Field(() => Theme)
  @IsIn(THEMES, { message: 'Thème inconnu.' })
  theme: Theme;

  @Field(() => Int)
  @Min(MIN_YEAR, { message: `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.` })
  @Max(MAX_YEAR, { message: `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.` })
  year: number;

  @Field(() => Int, { description: `${MATURITY_MIN} (nothing yet) to ${MATURITY_MAX} (exemplary).` })
  @IsInt({ message: 'Le score doit être un nombre entier.' })
  @Min(MATURITY_MIN, { message: `Le score doit être compris entre ${MATURITY_MIN} et ${MATURITY_MAX}.` })
  @Max(MATURITY_MAX, { message: `Le score doit être compris entre ${MATURITY_MIN} et ${MATURITY_MAX}.` })
  score: number;

  @Field()
  @IsString()
  @MinLength(10, { message: 'La justification doit comporter au moins 10 caractères.' })
  @MaxLength(2000, { message: 'La justification ne doit pas dépasser 2 000 caractères.' })
  justification: string;
}

@ArgsType()
export class MaturityArgs extends PeerSelectionArgs {
  @Field(() => Int, { nullable: true, description: 'Default: the territory’s latest assessment year.' })
  @IsOptional()
  @Min(MIN_YEAR, { message: `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.` })
  @Max(MAX_YEAR, { message: `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.` })
  year?: number | null;
}
