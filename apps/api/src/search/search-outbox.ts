import type { EntityManager } from 'typeorm';
import { createSignal } from '../common/signal';
import type { SearchDocType } from './search-document';
import { SearchOutbox } from './search-outbox.entity';

/** Set on a transaction's query runner when it wrote outbox rows; the worker is poked after its commit. */
export const OUTBOX_DIRTY = 'essaim:searchOutboxDirty';

/** Lets the indexer worker react right after content is committed instead of waiting for its next poll. */
export const searchOutboxSignal = createSignal();

/**
 * Call inside the transaction that changes the content: the row commits (or rolls back) with it.
 * The indexer reloads the document from its SearchSource, so the row only names what changed.
 */
export async function enqueueSearchUpdate(manager: EntityManager, docType: SearchDocType, ids: (string | number)[]): Promise<void> {
  if (ids.length === 0) return;
  await manager
    .getRepository(SearchOutbox)
    .insert(ids.map((id) => ({ docType, docId: String(id), attempts: 0, notBefore: null })));
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) (runner.data ??= {})[OUTBOX_DIRTY] = true;
  else searchOutboxSignal.notify();
}
