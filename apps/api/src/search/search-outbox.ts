import type { EntityManager } from 'typeorm';
import type { SearchDocType } from './search-document';
import { SearchOutbox } from './search-outbox.entity';

/**
 * Call inside the transaction that changes the content: the row commits (or rolls back) with it.
 * The indexer reloads the document from its SearchSource, so the row only names what changed.
 */
export async function enqueueSearchUpdate(manager: EntityManager, docType: SearchDocType, ids: (string | number)[]): Promise<void> {
  if (ids.length === 0) return;
  await manager
    .getRepository(SearchOutbox)
    .insert(ids.map((id) => ({ docType, docId: String(id), attempts: 0, notBefore: null })));
}
