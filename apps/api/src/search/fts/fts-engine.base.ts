import type { HealthStatus } from '../../health/health.registry';
import type { SearchDocType, SearchDocument } from '../search-document';
import {
  DocKey,
  docKey,
  EngineName,
  EngineQuery,
  EngineResult,
  FACET_FIELDS,
  FacetField,
  MAX_FACET_VALUES,
  RebuildFill,
  SearchEngine,
  TYPE_RANK,
} from '../search-engine';
import { buildSnippet, stripControls } from '../snippet';
import { expandQuery } from '../synonyms';
import { allowedTypos, ExpandedWord, highlightTerms, queryWords, termsOf, typoCandidates } from './fts-terms';

/** A document row of the fallback's own table (`search_fts_doc`). */
export interface FtsRow {
  key: string;
  type: SearchDocType;
  docId: string;
  title: string;
  body: string;
  url: string;
  themes: string;
  territoryCode: string | null;
  territoryName: string | null;
  stage: string | null;
  updatedAt: number;
  rank: number;
}

export interface FtsMatch {
  /** Alternatives (the query, then its synonym variants): a document matches one if it matches all of its words. */
  variants: ExpandedWord[][];
  query: EngineQuery;
}

/**
 * Shared logic of the SQL fallbacks (SQLite FTS5, PostgreSQL full-text): typo expansion over
 * an indexed vocabulary, snippets, facets shape. Dialects store and match.
 */
export abstract class FtsEngineBase implements SearchEngine {
  abstract readonly name: EngineName;
  readonly degraded = true;
  get identity(): string {
    return this.name;
  }
  /** Set while a rebuild streams into the `_next` tables: writes go to both. */
  protected rebuilding: Map<string, DocKey> | null = null;

  abstract start(): Promise<void>;
  async stop(): Promise<void> {}

  protected abstract writeDocs(rows: FtsRow[], terms: string[], target: 'live' | 'next'): Promise<void>;
  protected abstract deleteDocs(keys: string[], target: 'live' | 'next'): Promise<void>;
  protected abstract vocabulary(first: string, minLength: number, maxLength: number): Promise<string[]>;
  protected abstract runSearch(match: FtsMatch): Promise<{ rows: FtsRow[]; total: number; facets: Map<FacetField, Map<string, number>> }>;
  protected abstract prepareNext(): Promise<void>;
  protected abstract swapNext(): Promise<void>;
  abstract count(type?: SearchDocType): Promise<number>;
  protected abstract ping(): Promise<void>;

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    const { rows, terms } = toRows(docs);
    await this.writeDocs(rows, terms, 'live');
    if (this.rebuilding) {
      for (const d of docs) this.rebuilding.set(docKey(d.type, d.id), { type: d.type, id: d.id });
      await this.writeDocs(rows, terms, 'next');
    }
  }

  async remove(keys: DocKey[]): Promise<void> {
    if (!keys.length) return;
    const ids = keys.map((k) => docKey(k.type, k.id));
    await this.deleteDocs(ids, 'live');
    if (this.rebuilding) {
      for (const k of keys) this.rebuilding.set(docKey(k.type, k.id), k);
      await this.deleteDocs(ids, 'next');
    }
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const typed = queryWords(query.q);
    // Typo corrections for what the user typed; words brought in by a synonym are spelled right.
    const corrections = new Map<string, string[]>();
    for (const word of typed) {
      const typos = allowedTypos(word);
      corrections.set(word, typos ? typoCandidates(word, await this.vocabulary(word[0], word.length - typos, word.length + typos)) : []);
    }
    const variants = (typed.length ? expandQuery(typed) : []).map((words) => words.map((word) => ({ word, corrections: corrections.get(word) ?? [] })));
    const words = variants.flat();
    const { rows, total, facets } = await this.runSearch({ variants, query });
    const terms = highlightTerms(words);
    return {
      hits: rows.map((r) => ({
        type: r.type,
        id: r.docId,
        title: r.title,
        url: r.url,
        territoryCode: r.territoryCode ?? null,
        updatedAt: Number(r.updatedAt) > 0 ? new Date(Number(r.updatedAt)) : null,
        snippet: buildSnippet(r.body || r.title, terms),
      })),
      total,
      facets: FACET_FIELDS.map((field) => ({
        field,
        values: [...(facets.get(field) ?? new Map<string, number>())]
          .map(([value, count]) => ({ value, count: Number(count) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
          .slice(0, MAX_FACET_VALUES),
      })),
    };
  }

  async rebuild(fill: RebuildFill): Promise<void> {
    if (this.rebuilding) throw new Error('A rebuild is already running');
    await this.prepareNext();
    const touched = new Map<string, DocKey>();
    this.rebuilding = touched;
    try {
      await fill(
        {
          upsert: async (docs) => {
            if (!docs.length) return;
            const { rows, terms } = toRows(docs);
            await this.writeDocs(rows, terms, 'next');
          },
          remove: (keys) =>
            this.deleteDocs(
              keys.map((k) => docKey(k.type, k.id)),
              'next',
            ),
        },
        () => [...touched.values()],
      );
      await this.swapNext();
    } finally {
      this.rebuilding = null;
    }
  }

  async health(): Promise<HealthStatus> {
    const started = Date.now();
    await this.ping();
    return {
      status: 'degraded',
      engine: this.name,
      reason: 'Meilisearch is not available: searching with the database full-text fallback (fewer typo corrections, simpler ranking).',
      latencyMs: Date.now() - started,
    };
  }
}

function toRows(docs: SearchDocument[]): { rows: FtsRow[]; terms: string[] } {
  const terms = new Set<string>();
  const rows = docs.map((d) => {
    const row: FtsRow = {
      key: docKey(d.type, d.id),
      type: d.type,
      docId: d.id,
      title: stripControls(d.title),
      body: stripControls(d.body),
      url: d.url,
      themes: JSON.stringify(d.themes ?? []),
      territoryCode: d.territoryCode ?? null,
      territoryName: d.territoryName ? stripControls(d.territoryName) : null,
      stage: d.stage ?? null,
      updatedAt: d.updatedAt.getTime(),
      rank: TYPE_RANK[d.type],
    };
    for (const t of termsOf(`${row.title} ${row.territoryName ?? ''} ${row.body}`)) terms.add(t);
    return row;
  });
  return { rows, terms: [...terms] };
}
