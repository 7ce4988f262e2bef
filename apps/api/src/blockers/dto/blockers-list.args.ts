import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { Theme } from '../../common/theme.enum';
import { BlockerCategory, BlockerSeverity, BlockerStatus } from '../blocker-enums';
import { problem } from '../../common/validation/problem';

export const BlockerSort = {
  ACTIVE_FIRST: 'ACTIVE_FIRST',
  NEWEST: 'NEWEST',
  OLDEST: 'OLDEST',
  SEVERITY: 'SEVERITY',
  RECENTLY_RESOLVED: 'RECENTLY_RESOLVED',
} as const;
export type BlockerSort = keyof typeof BlockerSort;
registerEnumType(BlockerSort, {
  name: 'BlockerSort',
  description:
    'ACTIVE_FIRST: open and in progress first, then newest; NEWEST / OLDEST by report date; SEVERITY: blocking first, then newest; RECENTLY_RESOLVED: latest lifted, worked around or abandoned first.',
});

@ArgsType()
export class BlockersArgs extends PaginationArgs {
  @Field(() => String, { nullable: true, description: 'Département code, e.g. "91"; null for every département.' })
  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/, problem('INVALID_DEPARTEMENT_CODE'))
  departement?: string | null;

  @Field(() => String, { nullable: true, description: 'EPCI SIREN code: only projects of that EPCI and its communes.' })
  @IsOptional()
  @Matches(/^\d{9}$/, problem('INVALID_EPCI_CODE'))
  epci?: string | null;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsEnum(Theme, problem('UNKNOWN_THEME'))
  theme?: Theme | null;

  @Field(() => BlockerCategory, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerCategory, problem('UNKNOWN_BLOCKER_CATEGORY'))
  category?: BlockerCategory | null;

  @Field(() => BlockerStatus, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerStatus, problem('UNKNOWN_BLOCKER_STATUS'))
  status?: BlockerStatus | null;

  @Field(() => BlockerSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerSeverity, problem('UNKNOWN_SEVERITY_FILTER'))
  severity?: BlockerSeverity | null;

  @Field(() => BlockerSort, { nullable: true, defaultValue: 'ACTIVE_FIRST' })
  @IsOptional()
  @IsEnum(BlockerSort, problem('UNKNOWN_SORT'))
  sort?: BlockerSort | null;
}
