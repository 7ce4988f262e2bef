import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { BlockerCategory, BlockerSeverity } from '../blocker-enums';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from './blocker.input';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The fields a reported blocker can be corrected on; omitted ones stay as they are. Same limits as reporting. */
@InputType()
export class BlockerEditInput {
  @Field(() => BlockerCategory, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerCategory, { message: 'Catégorie de frein inconnue.' })
  category?: BlockerCategory | null;

  @Field(() => BlockerSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerSeverity, { message: 'Gravité inconnue (BLOCKING ou HINDERING).' })
  severity?: BlockerSeverity | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(DESCRIPTION_MIN, DESCRIPTION_MAX, {
    message: `La description doit contenir entre ${DESCRIPTION_MIN} et ${DESCRIPTION_MAX} caractères.`,
  })
  description?: string | null;
}
