import { DataSource } from 'typeorm';
import { SearchWorker } from '../src/search/search-worker';
import type { SearchDocument, SearchSource } from '../src/search/search-document';
import { SearchSourcesRegistry } from '../src/search/search-sources.registry';
import { enqueueSearchUpdate } from '../src/search/search-outbox';
import type { GqlClient, TestServer } from './harness';

export const SEARCH_QUERY = `query($q: String!, $types: [SearchType!], $themes: [Theme!], $territoryCode: String, $first: Int, $offset: Int) {
  search(q: $q, types: $types, themes: $themes, territoryCode: $territoryCode, first: $first, offset: $offset) {
    total engine hits { type id title snippet url } facets { field values { value count } }
  }
}`;

export interface SearchData {
  total: number;
  engine: string;
  hits: { type: string; id: string; title: string; snippet: string; url: string }[];
  facets: { field: string; values: { value: string; count: number }[] }[];
}

export async function search(client: GqlClient, q: string, extra: Record<string, unknown> = {}): Promise<SearchData> {
  return (await client.ok<{ search: SearchData }>(SEARCH_QUERY, { q, ...extra })).search;
}

export const drain = (server: TestServer, timeoutMs?: number) => server.app.get(SearchWorker).drain(timeoutMs);

/**
 * A real SearchSource over an in-memory store, registered like a feature's: `visible: false`
 * documents are what a source returns null for (unpublished, hidden).
 */
export class MemorySource implements SearchSource {
  readonly type = 'THREAD' as const;
  readonly docs = new Map<string, SearchDocument & { visible: boolean }>();

  async load(ids: string[]) {
    return ids.map((id) => {
      const doc = this.docs.get(id);
      return doc && doc.visible ? doc : null;
    });
  }

  /** Slows full reindexes down, so tests can query while one runs. */
  delayMs = 0;

  async *all(batchSize: number) {
    const visible = [...this.docs.values()].filter((d) => d.visible);
    for (let i = 0; i < visible.length; i += batchSize) {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      yield visible.slice(i, i + batchSize);
    }
  }

  static install(server: TestServer): MemorySource {
    const source = new MemorySource();
    server.app.get(SearchSourcesRegistry).register(source);
    return source;
  }

  /** Saves documents and writes their outbox rows in one transaction, like a feature does. */
  async save(server: TestServer, docs: { id: string; title: string; body: string; visible?: boolean; themes?: string[]; territoryCode?: string }[]) {
    for (const d of docs) {
      this.docs.set(d.id, {
        type: 'THREAD',
        id: d.id,
        title: d.title,
        body: d.body,
        url: `/forum/sujets/${d.id}`,
        themes: d.themes ?? [],
        territoryCode: d.territoryCode ?? null,
        territoryName: null,
        stage: null,
        updatedAt: new Date(),
        visible: d.visible ?? true,
      });
    }
    await server.app.get(DataSource).transaction((m) =>
      enqueueSearchUpdate(
        m,
        'THREAD',
        docs.map((d) => d.id),
      ),
    );
  }
}

export const hasMeili = () => !!process.env.ESSAIM_TEST_MEILI_URL;

/** Meilisearch suites skip loudly without a server, and fail when ESSAIM_REQUIRE_SERVICES=1. */
export function meiliOrSkip(): boolean {
  if (hasMeili()) return true;
  if (process.env.ESSAIM_REQUIRE_SERVICES === '1') throw new Error('Meilisearch is required (ESSAIM_REQUIRE_SERVICES=1) but the test setup could not start it');
  console.warn('⚠ SKIPPED: no Meilisearch for the integration tests (see apps/api/test/global-setup.ts)');
  return false;
}
