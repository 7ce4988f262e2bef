import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError, conflict } from '../common/errors';

/** The CONFLICT sentences of the revisioned rows (catalogue of @essaim/domain). */
export type RevisionConflictReason = 'PAGE_REVISION_CONFLICT' | 'SHEET_REVISION_CONFLICT' | 'POST_REVISION_CONFLICT' | 'BLOCKER_REVISION_CONFLICT';

/** How a row with a `revision` column is saved from the revision its editor started from. */
export interface RevisionLock<T> {
  conflict: RevisionConflictReason;
  /** What the CONFLICT carries as `extensions.current`: the version saved meanwhile, so nothing typed is lost. */
  current: (latest: T, manager: EntityManager) => unknown;
  /** A refusal that comes before the conflict once the row is read again (gone, hidden meanwhile…). */
  refuse?: (latest: T | null) => AppError | null;
  /** An extra condition of the UPDATE, in SQL (e.g. `NOT "hidden"`). */
  andWhere?: string;
}

/** CONFLICT with the current and base revisions, as parameters of the sentence and as extensions. */
export function revisionConflict(reason: RevisionConflictReason, currentRevision: number, baseRevision: number, current: unknown): AppError {
  return conflict(reason, { currentRevision, baseRevision }, { currentRevision, baseRevision, current });
}

/** Refuses at once when the row read is no longer at `base` (before any work on the save). */
export function expectRevision<T extends { revision: number }>(row: T, base: number, lock: RevisionLock<T>, manager: EntityManager): Promise<void> {
  if (row.revision === base) return Promise.resolve();
  return staleSave(row, base, lock, manager);
}

/**
 * Optimistic lock shared by pages, sheets, posts and blockers: moves the row from revision
 * `base` to `base + 1` in one conditional UPDATE, so of two saves from the same base exactly
 * one wins. The loser gets the lock's refusal or CONFLICT with the current revision and content.
 */
export async function saveAtRevision<T extends ObjectLiteral & { revision: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: number | string,
  base: number,
  values: ObjectLiteral,
  lock: RevisionLock<T>,
): Promise<void> {
  const update = manager
    .createQueryBuilder()
    .update(target)
    .set({ ...values, revision: base + 1 } as never)
    .where('id = :id AND "revision" = :base', { id, base });
  if (lock.andWhere) update.andWhere(lock.andWhere);
  if ((await update.execute()).affected === 1) return;
  const latest = await manager.getRepository(target).findOneBy({ id } as never);
  const refusal = lock.refuse?.(latest);
  if (refusal) throw refusal;
  if (!latest) throw new Error(`Row ${String(id)} disappeared during an optimistic save and the lock has no refusal for it.`);
  await staleSave(latest, base, lock, manager);
}

async function staleSave<T extends { revision: number }>(latest: T, base: number, lock: RevisionLock<T>, manager: EntityManager): Promise<never> {
  throw revisionConflict(lock.conflict, latest.revision, base, await lock.current(latest, manager));
}
