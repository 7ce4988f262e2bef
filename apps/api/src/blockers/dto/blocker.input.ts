import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, Length, MaxDate, MinDate } from 'class-validator';
import { BlockerCategory, BlockerSeverity } from '../blocker-enums';
import { problem } from '../../common/validation/problem';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class BlockerInput {
  @Field(() => BlockerCategory)
  @IsEnum(BlockerCategory, problem('UNKNOWN_BLOCKER_CATEGORY'))
  category: BlockerCategory;

  @Field(() => BlockerSeverity)
  @IsEnum(BlockerSeverity, problem('UNKNOWN_BLOCKER_SEVERITY'))
  severity: BlockerSeverity;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(DESCRIPTION_MIN, DESCRIPTION_MAX, {
    ...problem('BLOCKER_DESCRIPTION_LENGTH', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
  })
  description: string;

  @Field({ nullable: true, defaultValue: false, description: 'Only the territory members and moderators see the description.' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @Field(() => Date, { nullable: true, description: 'When the blocker started, if before today (default: now).' })
  @IsOptional()
  @IsDate(problem('INVALID_START_DATE'))
  @MinDate(() => new Date('2000-01-01T00:00:00Z'), problem('START_DATE_TOO_EARLY'))
  @MaxDate(() => new Date(Date.now() + 60_000), problem('START_DATE_IN_FUTURE'))
  openedAt?: Date | null;
}
