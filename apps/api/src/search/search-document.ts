/** What the search engine stores for one piece of content. Features build these from the database. */
export type SearchDocType = 'PROJECT' | 'PAGE' | 'THREAD' | 'STAKE' | 'TERRITORY';

export interface SearchDocument {
  /** Unique across types: `${type}:${id}` is used as the engine's primary key. */
  type: SearchDocType;
  id: string;
  title: string;
  /** Plain text (no Markdown, no HTML). */
  body: string;
  /** Path in the web app, e.g. /projets/telemedecine-etampes. */
  url: string;
  themes?: string[];
  territoryCode?: string | null;
  territoryName?: string | null;
  stage?: string | null;
  updatedAt: Date;
}

/**
 * A feature's source of documents. `load` returns the current document for each id, or null
 * when it must not be searchable any more (deleted, hidden, unpublished): the indexer then
 * removes it. `all` streams every searchable document for a full reindex.
 */
export interface SearchSource {
  type: SearchDocType;
  load(ids: string[]): Promise<(SearchDocument | null)[]>;
  all(batchSize: number): AsyncIterable<SearchDocument[]>;
}
