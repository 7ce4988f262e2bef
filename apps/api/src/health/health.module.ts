import { Global, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';

@Global()
@Module({ controllers: [HealthController], providers: [HealthRegistry], exports: [HealthRegistry] })
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      'database',
      async () => {
        const started = Date.now();
        await this.dataSource.query('SELECT 1');
        return { status: 'ok', driver: this.dataSource.options.type, latencyMs: Date.now() - started };
      },
      { critical: true },
    );
  }
}
