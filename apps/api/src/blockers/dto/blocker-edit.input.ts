import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { BlockerCategory, BlockerSeverity } from '../blocker-enums';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from './blocker.input';
import { problem } from '../../common/validation/problem';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The fields a reported blocker can be corrected on; omitted ones stay as they are. Same limits as reporting. */
@InputType()
export class BlockerEditInput {
  @Field(() => BlockerCategory, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerCategory, problem('UNKNOWN_BLOCKER_CATEGORY'))
  category?: BlockerCategory | null;

  @Field(() => BlockerSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerSeverity, problem('UNKNOWN_BLOCKER_SEVERITY'))
  severity?: BlockerSeverity | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(DESCRIPTION_MIN, DESCRIPTION_MAX, {
    ...problem('BLOCKER_DESCRIPTION_LENGTH', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
  })
  description?: string | null;
}
