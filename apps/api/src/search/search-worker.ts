import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppMeta } from '../database/app-meta.entity';
import { SearchEngine } from './search-engine';
import { SEARCH_ENGINE_TOKEN, SearchRuntime } from './search-engine.provider';
import { SearchIndexer } from './search-indexer.service';
import type { SearchDocType, SearchDocument } from './search-document';
import { SearchSourcesRegistry } from './search-sources.registry';

const POLL_MS = 250;
const RETRY_START_MS = 5000;
/** Documents per bulk batch: small enough that an interactive change waits behind at most one (well under a second). */
export const BACKFILL_BATCH = 250;

/** A bulk load of every document of a type, sent one batch at a time between outbox batches. */
interface Backfill {
  type: SearchDocType;
  batches: AsyncIterator<SearchDocument[]>;
  count: number;
  resolve: (count: number) => void;
  reject: (error: Error) => void;
}
const TIMED_OUT = Symbol('timed out');

/** Resolves with the promise's value, or TIMED_OUT at the deadline (the promise keeps running; a late failure is ignored). */
function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the indexer in the background: poked right after a transaction that wrote outbox rows
 * commits (SearchWorkerWakeHandler) (freshness well under a second), and polling every 250 ms for rows written by other
 * processes or due for a retry. Also indexes the territories once after their import.
 *
 * Two lanes: the outbox (interactive changes) always goes first; bulk backfills (the first
 * indexing of France's 36,000 territories) are sent one small batch at a time, the outbox
 * being emptied again before each, so a sheet saved during a backfill is searchable within
 * about a second instead of after the whole backfill.
 */
@Injectable()
export class SearchWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchWorker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private territoriesDone = false;
  private flushed = false;
  private readonly backfills: Backfill[] = [];

  constructor(
    private readonly indexer: SearchIndexer,
    private readonly runtime: SearchRuntime,
    @Inject(SEARCH_ENGINE_TOKEN) private readonly engine: SearchEngine,
    private readonly dataSource: DataSource,
    private readonly sources: SearchSourcesRegistry,
  ) {}

  /** True while a bulk backfill runs in this process (the search page then says "indexation en cours"). */
  get backfilling(): boolean {
    return this.backfills.length > 0;
  }

  /**
   * Queues a bulk load of every document of `type` in the bulk lane; resolves with the number
   * of documents sent once it is complete.
   */
  backfill(type: SearchDocType): Promise<number> {
    const source = this.sources.get(type);
    if (!source) return Promise.resolve(0);
    let resolve!: (count: number) => void;
    let reject!: (error: Error) => void;
    const done = new Promise<number>((res, rej) => ((resolve = res), (reject = rej)));
    this.backfills.push({ type, batches: source.all(BACKFILL_BATCH)[Symbol.asyncIterator](), count: 0, resolve, reject });
    this.poke();
    return done;
  }

  onApplicationBootstrap(): void {
    this.runtime.onEngineRestart = () => {
      this.logger.log('Search engine is back: retrying pending changes now');
      void this.indexer.outbox.retryNow().then(() => this.poke());
    };
    this.schedule(0);
  }

  /** Run as soon as possible (coalesced with a run in progress). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let next = POLL_MS;
      try {
        do {
          this.again = false;
          if (!(await this.runtime.ensureStarted())) {
            next = RETRY_START_MS;
            break;
          }
          // Priority lane first, then one bulk batch, then the priority lane again.
          while (!this.stopped && (await this.indexer.processBatch()) > 0);
          if (!this.territoriesDone) this.territoriesDone = await this.startTerritoriesIfNeeded();
          if (!this.stopped && (await this.backfillStep())) this.again = true;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn(`Search indexing paused: ${(error as Error).message}`);
        next = RETRY_START_MS;
      } finally {
        this.running = null;
        this.schedule(next);
      }
    })();
    return this.running;
  }

  /**
   * Territories do not go through the outbox: after an import (dataset version in app_meta),
   * they are backfilled in the bulk lane once, and a marker records it for this index.
   */
  private async startTerritoriesIfNeeded(): Promise<boolean> {
    const meta = this.dataSource.getRepository(AppMeta);
    const imported = await meta.findOneBy({ key: 'territories' });
    if (!imported) return false;
    const markerKey = `search:territories:${createHash('sha1').update(this.engine.identity).digest('hex').slice(0, 16)}`;
    const marker = await meta.findOneBy({ key: markerKey });
    if (marker?.value === imported.value && (await this.engine.count('TERRITORY')) > 0) return true;
    const started = Date.now();
    // One catch for both steps: the marker's write can fail too (the database going away at shutdown).
    void this.backfill('TERRITORY')
      .then(async (count) => {
        await meta.upsert({ key: markerKey, value: imported.value }, ['key']);
        this.logger.log(`Indexed ${count} territories in ${Date.now() - started} ms`);
      })
      .catch((error: Error) => this.logger.warn(`Territory indexing stopped: ${error.message}`));
    return true;
  }

  /** Sends the next batch of the oldest backfill; true while there is more bulk work. */
  private async backfillStep(): Promise<boolean> {
    const job = this.backfills[0];
    if (!job) return false;
    try {
      const next = await job.batches.next();
      if (next.done) {
        this.backfills.shift();
        job.resolve(job.count);
        // The "indexation en cours" flag of cached search answers is stale now.
        this.indexer.indexChanged();
      } else {
        await this.engine.upsert(next.value);
        job.count += next.value.length;
        // Search answers changed: cached anonymous reads are stale.
        this.indexer.indexChanged();
      }
    } catch (error) {
      this.backfills.shift();
      job.reject(error as Error);
      // Started again from the top at the next run (upserts are idempotent).
      if (job.type === 'TERRITORY') this.territoriesDone = false;
      throw error;
    }
    return this.backfills.length > 0;
  }

  /** Waits until every due outbox row is indexed and territories are in (tests, scripts). */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.run();
      if (this.territoriesDone && !this.backfilling && (await this.indexer.outbox.pending()) === 0) return;
      if (Date.now() > deadline) throw new Error('search outbox not drained in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Graceful shutdown: stops the background loop, waits for the run in progress, then makes one
   * last pass over the due outbox rows, all within `timeoutMs`. Rows not sent (time is up, the
   * engine is unreachable or failing, rows in backoff or leased by another process) stay in
   * the outbox table and are sent after the next start: nothing is lost. A batch cut by the
   * deadline keeps its lease, so it is taken again once the lease expires (LEASE_MS).
   */
  async stopAndFlush(timeoutMs: number): Promise<{ sent: number; left: number; complete: boolean }> {
    const deadline = Date.now() + timeoutMs;
    this.halt();
    this.flushed = true;
    const before = await this.indexer.outbox.pending();
    let complete = (await withDeadline(this.running ?? Promise.resolve(), deadline)) !== TIMED_OUT;
    if (!this.runtime.started) complete = false;
    else if (complete) {
      try {
        for (;;) {
          const handled = await withDeadline(this.indexer.processBatch(), deadline);
          if (handled === TIMED_OUT) complete = false;
          if (handled === TIMED_OUT || handled === 0) break;
        }
      } catch (error) {
        complete = false;
        this.logger.warn(`Last outbox flush failed: ${(error as Error).message}`);
      }
    }
    const left = await this.indexer.outbox.pending();
    return { sent: Math.max(0, before - left), left, complete };
  }

  private halt(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.halt();
    // After stopAndFlush, a run cut by its deadline is not waited for a second time.
    if (!this.flushed) await this.running?.catch(() => undefined);
    await this.runtime.stop();
  }
}
