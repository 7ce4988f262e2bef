import { EventEmitter } from 'node:events';
import { PubSubPort } from './pubsub.port';

export class MemoryPubSub implements PubSubPort {
  readonly kind = 'memory' as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, payload: unknown): Promise<void> {
    // Copy through JSON so subscribers see what they would over Redis, not a shared object.
    this.emitter.emit(channel, JSON.parse(JSON.stringify(payload)));
  }

  async subscribe(channel: string, listener: (payload: unknown) => void): Promise<() => Promise<void>> {
    this.emitter.on(channel, listener);
    return async () => void this.emitter.off(channel, listener);
  }

  onReconnect(): () => void {
    return () => undefined;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
