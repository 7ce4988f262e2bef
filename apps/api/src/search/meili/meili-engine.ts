import { Logger } from '@nestjs/common';
import { Meilisearch, type EnqueuedTaskPromise, type Hit, type Index, type SearchParams, type SearchResponse } from 'meilisearch';
import type { HealthStatus } from '../../health/health.registry';
import type { SearchDocType, SearchDocument } from '../search-document';
import { DocKey, docKey, EngineQuery, EngineResult, FACET_FIELDS, PREFERRED_SCORE_BOOST, RebuildFill, SearchEngine, TYPE_RANK } from '../search-engine';
import { HL_END, HL_START, markedToSafeHtml, stripControls } from '../snippet';
import type { ManagedMeili } from './meili-process';
import { INDEX_SETTINGS, settingsMatch } from './meili-settings';
import { nodeHttpClient } from './node-http-client';

interface MeiliDoc {
  key: string;
  type: SearchDocType;
  id: string;
  title: string;
  body: string;
  url: string;
  themes: string[];
  territoryCode: string | null;
  territoryName: string | null;
  stage: string | null;
  updatedAt: number;
  rank: number;
}

export interface MeiliEngineOptions {
  url: string;
  apiKey: string | null;
  indexPrefix: string;
  /** Set when Essaim started the server itself. */
  managed?: ManagedMeili;
}

const WAIT = { timeout: 120_000, interval: 10 };

/**
 * One index (`<prefix>_documents`) holds every type, with a `type` field: a single query
 * ranks projects, pages, threads and territories together and facets count across types.
 */
export class MeiliEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly degraded = false;
  readonly client: Meilisearch;
  readonly indexUid: string;
  private readonly rebuildUid: string;
  private readonly transport = nodeHttpClient();
  private readonly logger = new Logger('Search');
  /** During a rebuild, writes go to the new index too (see rebuild()). */
  private shadow: { uid: string; touched: Map<string, DocKey> } | null = null;

  constructor(private readonly options: MeiliEngineOptions) {
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.apiKey ?? undefined,
      // No client `timeout`: with it the client adds an abort listener per poll of waitTask; the transport times out instead.
      httpClient: this.transport.httpClient,
    });
    this.indexUid = `${options.indexPrefix}_documents`;
    this.rebuildUid = `${options.indexPrefix}_documents_rebuild`;
  }

  get url(): string {
    return this.options.url;
  }

  get identity(): string {
    return `${this.options.url}/${this.indexUid}`;
  }

  private index(uid = this.indexUid): Index<MeiliDoc> {
    return this.client.index<MeiliDoc>(uid);
  }

  async start(): Promise<void> {
    await this.ensureIndex(this.indexUid);
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getRawIndex(uid);
    } catch (error) {
      if (meiliErrorCode(error) !== 'index_not_found') throw error;
      await wait(this.client.createIndex(uid, { primaryKey: 'key' }), 'create index');
    }
    const current = await this.index(uid).getSettings();
    if (!settingsMatch(current)) {
      this.logger.log(`Applying search settings to index ${uid}`);
      await wait(this.index(uid).updateSettings(INDEX_SETTINGS), 'update settings');
    }
  }

  async stop(): Promise<void> {
    this.transport.destroy();
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const rows = docs.map(toMeiliDoc);
    const shadow = this.shadow;
    const tasks = [this.index().addDocuments(rows)];
    if (shadow) {
      for (const d of docs) shadow.touched.set(docKey(d.type, d.id), { type: d.type, id: d.id });
      tasks.push(this.index(shadow.uid).addDocuments(rows));
    }
    await Promise.all(tasks.map((t) => wait(t, 'index documents')));
  }

  async remove(keys: DocKey[]): Promise<void> {
    if (keys.length === 0) return;
    const ids = keys.map((k) => docKey(k.type, k.id));
    const shadow = this.shadow;
    const tasks = [this.index().deleteDocuments(ids)];
    if (shadow) {
      for (const k of keys) shadow.touched.set(docKey(k.type, k.id), k);
      tasks.push(this.index(shadow.uid).deleteDocuments(ids));
    }
    await Promise.all(tasks.map((t) => wait(t, 'delete documents')));
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const filter: string[] = [];
    if (query.types?.length) filter.push(`type IN [${query.types.map(quote).join(', ')}]`);
    if (query.themes?.length) filter.push(`themes IN [${query.themes.map(quote).join(', ')}]`);
    if (query.territoryCode) filter.push(`territoryCode = ${quote(query.territoryCode)}`);
    const params: SearchParams = {
      filter: filter.length ? filter.join(' AND ') : undefined,
      facets: [...FACET_FIELDS],
      limit: query.limit,
      offset: query.offset,
      attributesToRetrieve: ['key', 'type', 'id', 'title', 'url', 'territoryCode', 'updatedAt'],
      attributesToCrop: ['body'],
      cropLength: 30,
      cropMarker: '…',
      attributesToHighlight: ['body'],
      highlightPreTag: HL_START,
      highlightPostTag: HL_END,
    };
    const preferred = query.preferTerritoryCodes?.length ? query.preferTerritoryCodes : null;
    let result: SearchResponse<MeiliDoc>;
    let hits: Hit<MeiliDoc>[];
    if (!preferred) {
      result = await this.index().search(query.q, params);
      hits = result.hits;
    } else {
      // The bias: the same query restricted to the preferred territories, its scores raised a
      // little, merged with the unrestricted one (which also gives the total and the facets).
      const window = { offset: 0, limit: query.offset + query.limit, showRankingScore: true };
      const local = [...filter, `territoryCode IN [${preferred.map(quote).join(', ')}]`].join(' AND ');
      const [all, near] = await Promise.all([
        this.index().search(query.q, { ...params, ...window }),
        this.index().search(query.q, { ...params, ...window, filter: local, facets: undefined }),
      ]);
      result = all;
      const scored = new Map<string, { hit: Hit<MeiliDoc>; score: number }>();
      for (const hit of all.hits) scored.set(hit.key, { hit, score: hit._rankingScore ?? 0 });
      for (const hit of near.hits) {
        const score = (hit._rankingScore ?? 0) + PREFERRED_SCORE_BOOST;
        if ((scored.get(hit.key)?.score ?? -1) < score) scored.set(hit.key, { hit, score });
      }
      hits = [...scored.values()]
        .sort((a, b) => b.score - a.score)
        .slice(query.offset, query.offset + query.limit)
        .map((s) => s.hit);
    }
    return {
      hits: hits.map((hit) => ({
        type: hit.type,
        id: hit.id,
        title: hit.title,
        url: hit.url,
        territoryCode: hit.territoryCode ?? null,
        updatedAt: hit.updatedAt ? new Date(hit.updatedAt) : null,
        snippet: markedToSafeHtml(String(hit._formatted?.body ?? '')),
      })),
      total: result.estimatedTotalHits ?? result.hits.length,
      facets: FACET_FIELDS.map((field) => ({
        field,
        values: Object.entries(result.facetDistribution?.[field] ?? {})
          .map(([value, count]) => ({ value, count }))
          // Meilisearch sorts by count already (settings); ties broken by code, cheaply and deterministically.
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
      })),
    };
  }

  async count(type?: SearchDocType): Promise<number> {
    const result = await this.index().search('', { filter: type ? `type = ${quote(type)}` : undefined, limit: 0 });
    return result.estimatedTotalHits ?? 0;
  }

  async rebuild(fill: RebuildFill): Promise<void> {
    if (this.shadow) throw new Error('A rebuild is already running');
    await this.client.deleteIndexIfExists(this.rebuildUid);
    await this.ensureIndex(this.rebuildUid);
    const shadow = { uid: this.rebuildUid, touched: new Map<string, DocKey>() };
    this.shadow = shadow;
    try {
      await fill(
        {
          upsert: async (docs) => {
            if (docs.length) await wait(this.index(shadow.uid).addDocuments(docs.map(toMeiliDoc)), 'index documents');
          },
          remove: async (keys) => {
            if (keys.length) await wait(this.index(shadow.uid).deleteDocuments(keys.map((k) => docKey(k.type, k.id))), 'delete documents');
          },
        },
        () => [...shadow.touched.values()],
      );
      // Atomic for readers: queries hit the old index until the swap task, then the new one.
      await wait(this.client.swapIndexes([{ indexes: [this.indexUid, shadow.uid], rename: false }]), 'swap indexes');
    } finally {
      this.shadow = null;
    }
    await wait(this.client.deleteIndex(shadow.uid), 'delete the previous index');
  }

  async health(): Promise<HealthStatus> {
    const managed = this.options.managed;
    if (managed && managed.state !== 'running') {
      // Searches fail meanwhile and changes wait in the outbox; the supervisor keeps trying.
      return { status: 'degraded', engine: this.name, mode: 'managed', state: managed.state, error: managed.lastFailure ?? 'Meilisearch is restarting' };
    }
    const started = Date.now();
    const health = await this.client.health();
    return {
      status: health.status === 'available' ? 'ok' : 'down',
      engine: this.name,
      mode: managed ? 'managed' : 'external',
      url: this.options.url,
      ...(managed ? { pid: managed.pid } : {}),
      index: this.indexUid,
      latencyMs: Date.now() - started,
    };
  }
}

export function toMeiliDoc(doc: SearchDocument): MeiliDoc {
  return {
    key: docKey(doc.type, doc.id),
    type: doc.type,
    id: doc.id,
    title: stripControls(doc.title),
    body: stripControls(doc.body),
    url: doc.url,
    themes: doc.themes ?? [],
    territoryCode: doc.territoryCode ?? null,
    territoryName: doc.territoryName ? stripControls(doc.territoryName) : null,
    stage: doc.stage ?? null,
    updatedAt: doc.updatedAt.getTime(),
    rank: TYPE_RANK[doc.type],
  };
}

const quote = (value: string) => JSON.stringify(value);

async function wait(task: EnqueuedTaskPromise, what: string): Promise<void> {
  const done = await task.waitTask(WAIT);
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch could not ${what}: ${done.error?.message ?? done.status}`);
  }
}

/** Meilisearch's error code (e.g. index_not_found), through the client's wrapping of transport errors. */
export function meiliErrorCode(error: unknown): string | undefined {
  for (let e = error as { cause?: unknown; code?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && e.code.includes('_')) return e.code;
  }
  return undefined;
}
