import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { Theme } from '../../common/theme.enum';
import { BlockerCategory, BlockerSeverity, BlockerStatus } from '../blocker-enums';

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
  @Matches(/^(\d{2,3}|2[AB])$/, { message: 'Code de département invalide (exemples : 91, 2A, 971).' })
  departement?: string | null;

  @Field(() => String, { nullable: true, description: 'EPCI SIREN code: only projects of that EPCI and its communes.' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'Code EPCI invalide (SIREN à 9 chiffres).' })
  epci?: string | null;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsEnum(Theme, { message: 'Thème inconnu.' })
  theme?: Theme | null;

  @Field(() => BlockerCategory, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerCategory, { message: 'Catégorie de frein inconnue.' })
  category?: BlockerCategory | null;

  @Field(() => BlockerStatus, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerStatus, { message: 'Statut de frein inconnu.' })
  status?: BlockerStatus | null;

  @Field(() => BlockerSeverity, { nullable: true })
  @IsOptional()
  @IsEnum(BlockerSeverity, { message: 'Gravité de frein inconnue.' })
  severity?: BlockerSeverity | null;

  @Field(() => BlockerSort, { nullable: true, defaultValue: 'ACTIVE_FIRST' })
  @IsOptional()
  @IsEnum(BlockerSort, { message: 'Tri inconnu.' })
  sort?: BlockerSort | null;
}
