import type { Logger } from '@nestjs/common';
import type { ShutdownParticipant } from '../operations/shutdown.registry';
import type { SearchRuntime } from './search-engine.provider';
import type { SearchWorker } from './search-worker';

/** The managed Meilisearch gets SIGTERM, then SIGKILL after this. */
const MEILI_STOP_MS = 5_000;

/**
 * Search at shutdown: one last outbox flush with the rest of the grace period (unsent rows stay
 * in the outbox table for the next start), then the engine stops (the managed Meilisearch).
 */
export class SearchShutdown implements ShutdownParticipant {
  constructor(
    private readonly worker: SearchWorker,
    private readonly runtime: SearchRuntime,
  ) {}

  async flush(budgetMs: number, logger: Logger): Promise<boolean> {
    logger.log(`Flushing the search outbox to ${this.runtime.engine.name} (${budgetMs} ms left)`);
    try {
      const flush = await this.worker.stopAndFlush(budgetMs);
      if (flush.left === 0) logger.log(`Search outbox drained: ${flush.sent} change(s) sent`);
      else logger.warn(`Search outbox: ${flush.sent} change(s) sent, ${flush.left} kept in the outbox table for the next start`);
      return true;
    } catch (error) {
      // The rows stay in the outbox table; the engine and the database must still be closed.
      logger.error(`Search outbox flush failed: ${(error as Error).message}`);
      return false;
    }
  }

  async stop(logger: Logger): Promise<void> {
    if (this.runtime.managed) logger.log(`Stopping the managed Meilisearch (pid ${this.runtime.managed.pid ?? 'none'})`);
    await this.runtime.stop(MEILI_STOP_MS);
    logger.log('Search engine stopped');
  }
}
