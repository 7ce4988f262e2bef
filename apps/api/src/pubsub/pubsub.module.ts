import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { deploymentRedisPrefix } from './deployment-prefix';
import { HealthRegistry } from '../health/health.registry';
import { MemoryPubSub } from './memory-pubsub';
import { PUBSUB, PubSubPort } from './pubsub.port';
import { RedisPubSub } from './redis-pubsub';

@Global()
@Module({
  providers: [
    {
      provide: PUBSUB,
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, dataSource: DataSource): Promise<PubSubPort> =>
        config.redisUrl ? new RedisPubSub(config.redisUrl, config.redisPrefix ?? (await deploymentRedisPrefix(dataSource))) : new MemoryPubSub(),
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
      try {
        await this.pubsub.ping();
      } catch (error) {
        // Live updates still reach this process's own subscribers: degraded, never "down".
        return { status: 'degraded', kind: this.pubsub.kind, error: (error as Error).message };
      }
      return { status: 'ok', kind: this.pubsub.kind };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}
