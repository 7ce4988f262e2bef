/** Publish/subscribe between API processes: in memory by default, Redis with REDIS_URL. */
export interface PubSubPort {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, payload: unknown): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const PUBSUB = Symbol('PUBSUB');
