import { DomainEvent } from '../events/domain-event';
import type { SearchDocType } from './search-document';

/** The documents of one type a change touched (the indexer reads them again from their source). */
export interface SearchDocumentRefs {
  docType: SearchDocType;
  ids: readonly (string | number)[];
}

/**
 * Implemented by the feature events that change searchable documents: the search outbox
 * handler writes their rows in the transaction and wakes the indexer after the commit.
 */
export interface ChangesSearchDocuments {
  searchDocuments(): SearchDocumentRefs;
}

export function changesSearchDocuments(event: DomainEvent): event is DomainEvent & ChangesSearchDocuments {
  return typeof (event as Partial<ChangesSearchDocuments>).searchDocuments === 'function';
}

/** The indexer sent a batch to the engine (not a database write): search answers changed. */
export class SearchIndexChanged extends DomainEvent {}
