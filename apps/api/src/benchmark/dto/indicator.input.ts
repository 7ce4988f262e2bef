import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INDICATOR_CODE_PATTERN, THEMES } from '@essaim/domain';
import { IsTitleText } from '../../common/text/text-validators';
import { Theme } from '../../common/theme.enum';
import { MAX_SOURCE_LENGTH } from './benchmark-bounds';

/** A new catalogue entry (admins). */
@InputType()
export class IndicatorInput {
  @Field({ description: 'Upper-case letters, digits and underscores, e.g. "CONSEILLERS_NUMERIQUES".' })
  @Matches(INDICATOR_CODE_PATTERN, { message: 'Le code doit comporter 2 à 40 caractères : majuscules, chiffres et « _ », en commençant par une lettre.' })
  code: string;

  @Field()
  @IsTitleText('nom', 3, 200, { lengthMessage: 'Le nom doit comporter entre 3 et 200 caractères.' })
  name: string;

  @Field()
  @IsTitleText('unité', 1, 40, { lengthMessage: 'L’unité est obligatoire (40 caractères au plus).' })
  unit: string;

  @Field(() => String, { nullable: true, description: 'Defaults to unit.' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'L’unité de saisie ne doit pas dépasser 40 caractères.' })
  inputUnit?: string | null;

  @Field()
  @IsString()
  @MaxLength(2000, { message: 'La description ne doit pas dépasser 2 000 caractères.' })
  description: string;

  @Field()
  @IsBoolean()
  higherIsBetter: boolean;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsIn(THEMES, { message: 'Thème inconnu.' })
  theme?: Theme | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_LENGTH, { message: `La source ne doit pas dépasser ${MAX_SOURCE_LENGTH} caractères.` })
  source?: string | null;

  @Field(() => Int, { nullable: true, description: '1 for "per inhabitant", 1000, 10000…; null when compared as entered.' })
  @IsOptional()
  @IsInt()
  @IsIn([1, 100, 1000, 10_000, 100_000], { message: 'perInhabitants doit valoir 1, 100, 1 000, 10 000 ou 100 000.' })
  perInhabitants?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minValue?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxValue?: number | null;
}
