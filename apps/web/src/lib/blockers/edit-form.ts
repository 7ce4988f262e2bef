import type { BlockerCategory, BlockerSeverity } from '@essaim/domain';

/** What the edit form holds: the blocker's editable fields and the revision the edit starts from. */
export type BlockerEditValues = { category: string; severity: string; description: string; baseRevision: string };

/** The values saved meanwhile, from a CONFLICT's `extensions.current`. */
export type BlockerEditCurrent = { category: BlockerCategory; severity: BlockerSeverity; description: string };

/** A failed edit action: the API's error (with the current values after a CONFLICT) and what was typed. */
export type BlockerEditFailure = {
  action: 'edit';
  error: { code: string; message: string; fields: string[]; extensions: Record<string, unknown> };
  values: BlockerEditValues;
};

export function conflictOf(failure: BlockerEditFailure | null | undefined): { revision: number; current: BlockerEditCurrent } | null {
  if (failure?.error.code !== 'CONFLICT') return null;
  const { currentRevision, current } = failure.error.extensions;
  return typeof currentRevision === 'number' && current ? { revision: currentRevision, current: current as BlockerEditCurrent } : null;
}
