import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, Length, MaxDate, MinDate } from 'class-validator';
import { BlockerCategory, BlockerSeverity } from '../blocker-enums';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class BlockerInput {
  @Field(() => BlockerCategory)
  @IsEnum(BlockerCategory, { message: 'Catégorie de frein inconnue.' })
  category: BlockerCategory;

  @Field(() => BlockerSeverity)
  @IsEnum(BlockerSeverity, { message: 'Gravité inconnue (BLOCKING ou HINDERING).' })
  severity: BlockerSeverity;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(DESCRIPTION_MIN, DESCRIPTION_MAX, {
    message: `La description doit contenir entre ${DESCRIPTION_MIN} et ${DESCRIPTION_MAX} caractères.`,
  })
  description: string;

  @Field({ nullable: true, defaultValue: false, description: 'Only the territory members and moderators see the description.' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @Field(() => Date, { nullable: true, description: 'When the blocker started, if before today (default: now).' })
  @IsOptional()
  @IsDate({ message: 'Date de début invalide.' })
  @MinDate(() => new Date('2000-01-01T00:00:00Z'), { message: 'La date de début doit être postérieure au 1er janvier 2000.' })
  @MaxDate(() => new Date(Date.now() + 60_000), { message: 'La date de début ne peut pas être dans le futur.' })
  openedAt?: Date | null;
}
