/** Publish/subscribe between API processes: in memory by default, Redis with REDIS_URL. */
export interface PubSubPort {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, payload: unknown): Promise<void>;
  /** Returns an unsubscribe function. Never fails because the broker is away: the subscription is made when it is back. */
  subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>>;
  /**
   * Called after the broker came back from an outage (messages published meanwhile by other
   * processes were lost): republish or refresh what others may have missed. Returns a remover.
   */
  onReconnect(listener: () => void): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const PUBSUB = Symbol('PUBSUB');
