import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SearchDocType, SearchDocument } from './search-document';
import { DocKey, SearchEngine } from './search-engine';
import { SEARCH_ENGINE_TOKEN } from './search-engine.provider';
import { ClaimedRow, SearchOutboxStore } from './search-outbox.store';
import { DomainEvents } from '../events/domain-events.service';
import { SearchIndexChanged } from './search-events';
import { SearchSourcesRegistry } from './search-sources.registry';

const BATCH = 500;

/** Moves changes from the database to the engine: outbox batches, first territory indexing, full rebuilds. */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger('SearchIndexer');
  readonly outbox: SearchOutboxStore;
  /** A full rebuild runs in this process. */
  rebuilding = false;

  constructor(
    @Inject(SEARCH_ENGINE_TOKEN) private readonly engine: SearchEngine,
    private readonly sources: SearchSourcesRegistry,
    dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {
    this.outbox = new SearchOutboxStore(dataSource);
  }

  /**
   * One batch: claim due rows, load the current documents from their sources (null → remove),
   * send them, wait for the engine, then delete the rows. On failure the rows are kept and
   * rescheduled with backoff. Returns how many rows were handled.
   */
  async processBatch(limit = BATCH): Promise<number> {
    const rows = await this.outbox.claim(limit);
    if (!rows.length) return 0;
    const byType = new Map<SearchDocType, ClaimedRow[]>();
    for (const row of rows) byType.set(row.docType, [...(byType.get(row.docType) ?? []), row]);
    const done: number[] = [];
    const failed: ClaimedRow[] = [];
    const release = this.outbox.keepLeased(rows.map((r) => r.id));
    try {
      for (const [type, typeRows] of byType) {
        try {
          const ids = [...new Set(typeRows.map((r) => r.docId))];
          await this.sync(type, ids, this.engine);
          done.push(...typeRows.map((r) => r.id));
        } catch (error) {
          failed.push(...typeRows);
          this.logger.warn(`Indexing ${typeRows.length} ${type} change(s) failed, will retry: ${(error as Error).message}`);
        }
      }
    } finally {
      await release();
    }
    const resend = new Set(rows.filter((r) => r.resendAfterRebuild).map((r) => r.id));
    await this.outbox.complete(done.filter((id) => !resend.has(id)));
    await this.outbox.resendLater(done.filter((id) => resend.has(id)));
    // Search answers changed: cached anonymous reads are stale.
    if (done.length) this.indexChanged();
    await this.outbox.fail(failed);
    return rows.length;
  }

  /** The engine's answers changed (an outbox or a backfill batch): the after-commit handlers hear of it (the read cache drops its answers). */
  indexChanged(): void {
    this.events.recordCommitted(new SearchIndexChanged());
  }

  /** Loads `ids` from their source and writes them (or removes the ones that are gone or hidden). */
  private async sync(type: SearchDocType, ids: string[], target: Pick<SearchEngine, 'upsert' | 'remove'>): Promise<void> {
    const source = this.sources.get(type);
    if (!source) throw new Error(`no search source registered for ${type}`);
    const docs = await source.load(ids);
    const upserts: SearchDocument[] = [];
    const removals: DocKey[] = [];
    ids.forEach((id, i) => (docs[i] ? upserts.push(docs[i]) : removals.push({ type, id })));
    await Promise.all([target.upsert(upserts), target.remove(removals)]);
  }

  /**
   * Rebuilds everything from the database into a fresh index and swaps it in atomically; the
   * live index answers queries meanwhile and outbox changes keep flowing into both.
   */
  async reindexAll(batchSize = 1000): Promise<{ documents: number; ms: number }> {
    const started = Date.now();
    let documents = 0;
    await this.outbox.markRebuild(true);
    this.rebuilding = true;
    try {
      await this.engine.rebuild(async (writer, touched) => {
        for (const source of this.sources.all()) {
          for await (const batch of source.all(batchSize)) {
            await writer.upsert(batch);
            documents += batch.length;
            await this.outbox.markRebuild(true);
          }
        }
        // Re-send what this process's worker changed meanwhile: its latest state wins over the streamed one.
        const keys = touched();
        const types = [...new Set(keys.map((k) => k.type))];
        for (const type of types) {
          const ids = keys.filter((k) => k.type === type).map((k) => k.id);
          for (let i = 0; i < ids.length; i += BATCH) await this.sync(type, ids.slice(i, i + BATCH), writer);
        }
      });
    } finally {
      this.rebuilding = false;
      await this.outbox.markRebuild(false);
    }
    const ms = Date.now() - started;
    this.logger.log(`Reindexed ${documents} documents into ${this.engine.name} in ${ms} ms`);
    return { documents, ms };
  }
}
