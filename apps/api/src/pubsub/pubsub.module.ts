import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { HealthRegistry } from '../health/health.registry';
import { MemoryPubSub } from './memory-pubsub';
import { PUBSUB, PubSubPort } from './pubsub.port';
import { RedisPubSub } from './redis-pubsub';

@Global()
@Module({
  providers: [
    {
      provide: PUBSUB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PubSubPort => (config.redisUrl ? new RedisPubSub(config.redisUrl) : new MemoryPubSub()),
    },
  ],
  exports: [PUBSUB],
})
export class PubSubModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('pubsub', async () => {
      await this.pubsub.ping();
      return { status: 'ok', kind: this.pubsub.kind };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}
