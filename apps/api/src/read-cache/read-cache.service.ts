import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PUBSUB, PubSubPort } from '../pubsub/pubsub.port';
import { readCacheFront } from './read-cache.front';
import { ReadCacheStore } from './read-cache.store';

const MAX_BYTES = 32 * 1024 * 1024;
/** Changes in a burst (a CSV import, a vote storm) reach other processes as one message. */
const PUBLISH_EVERY_MS = 20;

/** Processes of one deployment tell each other; the pub/sub port's per-deployment prefix (REDIS_PREFIX) keeps others out. */
export const CONTENT_CHANGED_CHANNEL = 'content-changed';

/**
 * Anonymous read cache: owns the store, drops it on every committed content change in this
 * process (told by ReadCacheInvalidationHandler) and tells the other API processes through the pub/sub port (Redis in a scale-out deployment).
 */
@Injectable()
export class ReadCacheService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadCache');
  private readonly instance = randomUUID();
  readonly store: ReadCacheStore;
  private publishTimer: NodeJS.Timeout | null = null;
  private readonly cleanups: (() => unknown)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
  ) {
    this.store = new ReadCacheStore(config.readCacheTtlMs, MAX_BYTES);
  }

  get enabled(): boolean {
    return this.config.readCacheTtlMs > 0;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    if (this.pubsub.kind !== 'memory') {
      const unsubscribe = await this.pubsub.subscribe(CONTENT_CHANGED_CHANNEL, (payload) => {
        if ((payload as { from?: string } | null)?.from !== this.instance) this.store.invalidate();
      });
      this.cleanups.push(unsubscribe);
      // Invalidations were lost while Redis was away, both ways: drop ours and tell the others.
      this.cleanups.push(this.pubsub.onReconnect(() => this.contentChanged()));
    }
  }

  /**
   * Puts the cache in front of the application on the HTTP server (after Nest's init). Other
   * request listeners (Apollo's drain tracker) stay as they are.
   */
  install(server: Server, app: RequestListener, requestLogger: PinoLogger): void {
    if (!this.enabled) return;
    const listeners = server.listeners('request');
    if (!listeners.includes(app)) {
      this.logger.warn('Read cache not installed: the application is not a request listener of the HTTP server');
      return;
    }
    server.removeAllListeners('request');
    for (const listener of listeners) server.on('request', listener === app ? readCacheFront(this.store, requestLogger, app) : (listener as RequestListener));
    this.logger.log(`Anonymous read cache on (${this.config.readCacheTtlMs} ms at most, dropped on every change)`);
  }

  /** Content readers can see changed in this process (ReadCacheInvalidationHandler, after the commit). */
  contentChanged(): void {
    if (!this.enabled) return;
    this.store.invalidate();
    if (this.pubsub.kind === 'memory' || this.publishTimer) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.pubsub
        .publish(CONTENT_CHANGED_CHANNEL, { from: this.instance })
        .catch((error: Error) => this.logger.warn(`Could not tell other processes: ${error.message}`));
    }, PUBLISH_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
  }
}
