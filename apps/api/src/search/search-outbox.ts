import type { EntityManager } from 'typeorm';
import type { SearchDocType } from './search-document';
import { SearchOutbox } from './search-outbox.entity';

/**
 * Writes outbox rows inside the transaction that changes the content: they commit (or roll
 * back) with it. Only the search outbox handler calls it, for events that implement
 * ChangesSearchDocuments (search-events.ts). The indexer reloads each document from its
 * SearchSource, so a row only names what changed.
 */
export async function enqueueSearchUpdate(manager: EntityManager, docType: SearchDocType, ids: readonly (string | number)[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.getRepository(SearchOutbox).insert(ids.map((id) => ({ docType, docId: String(id), attempts: 0, notBefore: null })));
}
