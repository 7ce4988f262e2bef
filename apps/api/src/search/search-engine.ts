import type { HealthStatus } from '../health/health.registry';
import type { SearchDocType, SearchDocument } from './search-document';

export type EngineName = 'meilisearch' | 'sqlite-fts5' | 'postgres-fts';

/** The facet fields, named like the `search` arguments that filter on them. */
export const FACET_FIELDS = ['type', 'themes', 'territoryCode', 'stage'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
/** Facet values returned per field, most frequent first (the results page shows 12). */
export const MAX_FACET_VALUES = 20;

export interface EngineQuery {
  q: string;
  types?: SearchDocType[] | null;
  themes?: string[] | null;
  territoryCode?: string | null;
  /** Territories ranked a little higher (the viewer's département): a bias, not a filter. */
  preferTerritoryCodes?: string[] | null;
  limit: number;
  offset: number;
}

export interface EngineHit {
  type: SearchDocType;
  id: string;
  title: string;
  /** Safe HTML: escaped text with only <mark> elements. */
  snippet: string;
  url: string;
  /** Owner territory of a sheet, or the territory itself for a TERRITORY hit. */
  territoryCode: string | null;
  /** Last change; null for territories. */
  updatedAt: Date | null;
}

export interface EngineResult {
  hits: EngineHit[];
  total: number;
  facets: { field: FacetField; values: { value: string; count: number }[] }[];
}

export interface DocKey {
  type: SearchDocType;
  id: string;
}

/**
 * What the indexer and the query service need from an engine. Writes resolve only once the
 * engine has applied them (Meilisearch task succeeded, SQL committed), which is what lets the
 * outbox delete its rows safely.
 */
export interface SearchEngine {
  readonly name: EngineName;
  /** True for the fallback engines: /healthz then reports "degraded". */
  readonly degraded: boolean;
  /** Where the documents live (server and index, or the database), e.g. for "already indexed" markers. */
  readonly identity: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(keys: DocKey[]): Promise<void>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Number of documents of a type (used to decide whether territories need a first indexing). */
  count(type?: SearchDocType): Promise<number>;
  /**
   * Builds a fresh index with `fill` and swaps it in atomically; the live index keeps
   * answering queries meanwhile. Upserts and removals made during the rebuild go to both.
   */
  rebuild(fill: RebuildFill): Promise<void>;
  health(): Promise<HealthStatus>;
}

/** Writes into the index being rebuilt. */
export interface RebuildWriter {
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(keys: DocKey[]): Promise<void>;
}

/**
 * Streams every document into the new index, then re-sends `touched()`: the keys the outbox
 * worker changed while the stream ran (a stream batch read before a change could otherwise
 * land after it and win).
 */
export type RebuildFill = (writer: RebuildWriter, touched: () => DocKey[]) => Promise<void>;

/** Engine primary key: type and id, restricted to the characters Meilisearch accepts. */
export const docKey = (type: string, id: string) => `${type}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Listing order when the text ranks documents equally: projects first, territories last. */
export const TYPE_RANK: Record<SearchDocType, number> = { PROJECT: 4, PAGE: 3, THREAD: 2, STAKE: 1, TERRITORY: 0 };

/** How much a preferred territory's relevance is raised (Meilisearch scores run from 0 to 1). */
export const PREFERRED_SCORE_BOOST = 0.1;
/** The SQL fallbacks multiply a preferred territory's text score by this. */
export const PREFERRED_SCORE_FACTOR = 1.5;
