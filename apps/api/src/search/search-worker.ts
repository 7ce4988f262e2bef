import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { AppMeta } from '../database/app-meta.entity';
import { SearchEngine } from './search-engine';
import { SEARCH_ENGINE_TOKEN, SearchRuntime } from './search-engine.provider';
import { SearchIndexer } from './search-indexer.service';
import { OUTBOX_DIRTY, searchOutboxSignal } from './search-outbox';

const POLL_MS = 250;
const RETRY_START_MS = 5000;

/**
 * Runs the indexer in the background: poked right after a transaction that wrote outbox rows
 * commits (freshness well under a second), and polling every 250 ms for rows written by other
 * processes or due for a retry. Also indexes the territories once after their import.
 */
@Injectable()
export class SearchWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchWorker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private territoriesDone = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly indexer: SearchIndexer,
    private readonly runtime: SearchRuntime,
    @Inject(SEARCH_ENGINE_TOKEN) private readonly engine: SearchEngine,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        if (data?.[OUTBOX_DIRTY]) {
          delete data[OUTBOX_DIRTY];
          this.poke();
        }
      },
    };
    this.dataSource.subscribers.push(subscriber);
    this.unsubscribe = searchOutboxSignal.subscribe(() => this.poke());
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
          if (!this.territoriesDone) this.territoriesDone = await this.indexTerritoriesIfNeeded();
          while (!this.stopped && (await this.indexer.processBatch()) > 0);
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
   * they are streamed into the engine in batches once, and a marker records it for this index.
   */
  private async indexTerritoriesIfNeeded(): Promise<boolean> {
    const meta = this.dataSource.getRepository(AppMeta);
    const imported = await meta.findOneBy({ key: 'territories' });
    if (!imported) return false;
    const markerKey = `search:territories:${createHash('sha1').update(this.engine.identity).digest('hex').slice(0, 16)}`;
    const marker = await meta.findOneBy({ key: markerKey });
    if (marker?.value === imported.value && (await this.engine.count('TERRITORY')) > 0) return true;
    const started = Date.now();
    const count = await this.indexer.indexAll('TERRITORY');
    await meta.upsert({ key: markerKey, value: imported.value }, ['key']);
    this.logger.log(`Indexed ${count} territories in ${Date.now() - started} ms`);
    return true;
  }

  /** Waits until every due outbox row is indexed and territories are in (tests, scripts). */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.run();
      if (this.territoriesDone && (await this.indexer.outbox.pending()) === 0) return;
      if (Date.now() > deadline) throw new Error('search outbox not drained in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe?.();
    await this.running?.catch(() => undefined);
    await this.runtime.stop();
  }
}
