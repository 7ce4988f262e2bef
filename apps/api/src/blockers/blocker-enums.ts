import { registerEnumType } from '@nestjs/graphql';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_SEVERITIES,
  BLOCKER_STATUSES,
  BlockerCategory as DomainCategory,
  BlockerSeverity as DomainSeverity,
  BlockerStatus as DomainStatus,
} from '@essaim/domain';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const BlockerCategory = enumOf(BLOCKER_CATEGORIES);
export type BlockerCategory = DomainCategory;
export const BlockerSeverity = enumOf(BLOCKER_SEVERITIES);
export type BlockerSeverity = DomainSeverity;
export const BlockerStatus = enumOf(BLOCKER_STATUSES);
export type BlockerStatus = DomainStatus;
export const BlockerEventKind = enumOf(['REPORTED', 'STATUS_CHANGED', 'EDITED'] as const);
export type BlockerEventKind = keyof typeof BlockerEventKind;

registerEnumType(BlockerCategory, { name: 'BlockerCategory', description: 'What holds a project back (French labels in @essaim/domain).' });
registerEnumType(BlockerSeverity, { name: 'BlockerSeverity', description: 'BLOCKING stops the project (it becomes isBlocked); HINDERING slows it down.' });
registerEnumType(BlockerStatus, {
  name: 'BlockerStatus',
  description: 'OPEN → IN_PROGRESS → LIFTED / WORKED_AROUND / ABANDONED; see docs/blockers.md for reopening.',
});
registerEnumType(BlockerEventKind, {
  name: 'BlockerEventKind',
  description: 'A timeline entry: the report, a status change, or an edit of category, severity or description.',
});
