import { Module, OnModuleInit } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { HealthRegistry } from '../health/health.registry';
import { ShutdownRegistry } from '../operations/shutdown.registry';
import { Territory } from '../territories/territory.entity';
import { SEARCH_ENGINE_TOKEN, SearchRuntime } from './search-engine.provider';
import { SearchIndexer } from './search-indexer.service';
import { SearchShutdown } from './search-shutdown';
import { SearchSourcesRegistry } from './search-sources.registry';
import { SearchWorker } from './search-worker';
import { SearchWorkerWakeHandler } from './search-worker-wake.handler';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { TerritorySearchSource } from './territory-search.source';

/** The engine side of search: engine lifecycle, outbox worker, `search` query, territory documents. */
@Module({
  imports: [TypeOrmModule.forFeature([Territory])],
  providers: [
    {
      provide: SearchRuntime,
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, dataSource: DataSource) => {
        const runtime = new SearchRuntime(config, dataSource);
        await runtime.start();
        return runtime;
      },
    },
    { provide: SEARCH_ENGINE_TOKEN, inject: [SearchRuntime], useFactory: (runtime: SearchRuntime) => runtime.engine },
    SearchIndexer,
    SearchWorker,
    SearchWorkerWakeHandler,
    SearchService,
    SearchResolver,
  ],
  exports: [SearchIndexer, SearchWorker, SearchService, SearchRuntime],
})
export class SearchModule implements OnModuleInit {
  constructor(
    private readonly sources: SearchSourcesRegistry,
    private readonly health: HealthRegistry,
    private readonly runtime: SearchRuntime,
    private readonly indexer: SearchIndexer,
    private readonly worker: SearchWorker,
    private readonly shutdown: ShutdownRegistry,
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
  ) {}

  onModuleInit(): void {
    this.sources.register(new TerritorySearchSource(this.territories));
    this.shutdown.register(new SearchShutdown(this.worker, this.runtime));
    this.health.register('search', async () => {
      const pendingChanges = await this.indexer.outbox.pending();
      if (!this.runtime.started) return { status: 'down', engine: this.runtime.engine.name, pendingChanges, error: 'Meilisearch is unreachable' };
      try {
        return { ...(await this.runtime.engine.health()), pendingChanges };
      } catch (error) {
        return { status: 'down', engine: this.runtime.engine.name, pendingChanges, error: (error as Error).message };
      }
    });
  }
}
