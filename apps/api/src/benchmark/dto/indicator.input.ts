import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INDICATOR_CODE_PATTERN, THEMES } from '@essaim/domain';
import { IsTitleText } from '../../common/text/text-validators';
import { Theme } from '../../common/theme.enum';
import { MAX_SOURCE_LENGTH } from './benchmark-bounds';
import { problem } from '../../common/validation/problem';

/** A new catalogue entry (admins). */
@InputType()
export class IndicatorInput {
  @Field({ description: 'Upper-case letters, digits and underscores, e.g. "CONSEILLERS_NUMERIQUES".' })
  @Matches(INDICATOR_CODE_PATTERN, problem('INDICATOR_CODE_FORMAT'))
  code: string;

  @Field()
  @IsTitleText('nom', 3, 200, { lengthMessage: problem('NAME_LENGTH', { min: 3, max: 200 }) })
  name: string;

  @Field()
  @IsTitleText('unité', 1, 40, { lengthMessage: problem('UNIT_REQUIRED') })
  unit: string;

  @Field(() => String, { nullable: true, description: 'Defaults to unit.' })
  @IsOptional()
  @IsString()
  @MaxLength(40, problem('INPUT_UNIT_TOO_LONG'))
  inputUnit?: string | null;

  @Field()
  @IsString()
  @MaxLength(2000, problem('DESCRIPTION_TOO_LONG'))
  description: string;

  @Field()
  @IsBoolean()
  higherIsBetter: boolean;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsIn(THEMES, problem('UNKNOWN_THEME'))
  theme?: Theme | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_LENGTH, problem('SOURCE_TOO_LONG', { max: MAX_SOURCE_LENGTH }))
  source?: string | null;

  @Field(() => Int, { nullable: true, description: '1 for "per inhabitant", 1000, 10000…; null when compared as entered.' })
  @IsOptional()
  @IsInt()
  @IsIn([1, 100, 1000, 10_000, 100_000], problem('INVALID_PER_INHABITANTS'))
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
