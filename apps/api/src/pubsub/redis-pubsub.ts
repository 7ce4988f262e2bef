import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { PubSubPort } from './pubsub.port';

/**
 * Redis pub/sub: one connection publishes, one subscribes for the whole process. Every channel
 * is prefixed per deployment (REDIS_PREFIX), so deployments sharing a Redis never hear each
 * other. Redis is not a start-up dependency: both connections retry forever in the background
 * (capped backoff); meanwhile messages are delivered to this process's own subscribers only,
 * and when Redis is back the channels are subscribed again and `onReconnect` listeners
 * republish what other processes missed.
 */
export class RedisPubSub implements PubSubPort {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger('Redis');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly reconnectListeners = new Set<() => void>();
  /** Set while Redis is unreachable (or was never reached): what to say once, and what to catch up. */
  private outage: { since: number; reason: string } | null = null;
  private closed = false;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    const options: RedisOptions = {
      lazyConnect: false,
      // Fail a command at once while disconnected instead of queueing it (or crashing the start with MaxRetriesPerRequestError).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      // Reconnect forever: 0.2 s, 0.4 s… then every 5 s.
      retryStrategy: (times) => Math.min(200 * times, 5000),
      // Channels are subscribed again by this class on 'ready' (also the ones asked for while Redis was away).
      autoResubscribe: false,
    };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.lost(error.message));
      client.on('close', () => this.lost('connection closed'));
      client.on('ready', () => void this.ready());
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(`${this.prefix}:`)) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return;
      }
      this.deliver(channel.slice(this.prefix.length + 1), payload);
    });
  }

  get connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  private lost(reason: string): void {
    if (this.closed || this.outage) return;
    this.outage = { since: Date.now(), reason };
    this.logger.warn(`Redis unreachable (${reason}): live updates stay within this process until it is back; retrying in the background`);
  }

  private async ready(): Promise<void> {
    if (this.closed || !this.connected) return;
    const channels = [...this.listeners.keys()].map((c) => this.full(c));
    try {
      if (channels.length) await this.subscriber.subscribe(...channels);
    } catch (error) {
      this.lost((error as Error).message);
      return;
    }
    if (!this.outage) return;
    const downMs = Date.now() - this.outage.since;
    this.outage = null;
    this.logger.log(`Redis is back after ${Math.round(downMs / 1000)} s: ${channels.length} channel(s) subscribed again, catching up`);
    for (const listener of this.reconnectListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.warn(`Catching up after Redis came back failed: ${(error as Error).message}`);
      }
    }
  }

  private full(channel: string): string {
    return `${this.prefix}:${channel}`;
  }

  private deliver(channel: string, payload: unknown): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    for (const listener of set) listener(payload);
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    const message = JSON.stringify(payload);
    if (this.connected) {
      try {
        await this.publisher.publish(this.full(channel), message);
        return;
      } catch (error) {
        this.lost((error as Error).message);
      }
    }
    // Redis is away: this process's subscribers still get it; the others catch up through onReconnect.
    this.outage ??= { since: Date.now(), reason: 'not connected' };
    this.deliver(channel, JSON.parse(message));
  }

  async subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      if (this.subscriber.status === 'ready') {
        await this.subscriber.subscribe(this.full(channel)).catch((error: Error) => this.lost(error.message));
      }
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        if (this.subscriber.status === 'ready') await this.subscriber.unsubscribe(this.full(channel)).catch(() => undefined);
      }
    };
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => void this.reconnectListeners.delete(listener);
  }

  async ping(): Promise<void> {
    if (!this.connected)
      throw new Error(`Redis is unreachable${this.outage ? ` since ${new Date(this.outage.since).toISOString()} (${this.outage.reason})` : ''}; reconnecting`);
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.reconnectListeners.clear();
    await Promise.allSettled(
      [this.publisher, this.subscriber].map((client) => (client.status === 'ready' ? client.quit() : Promise.resolve(client.disconnect()))),
    );
  }
}
