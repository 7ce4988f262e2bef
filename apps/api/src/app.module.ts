import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { BenchmarkModule } from './benchmark/benchmark.module';
import { BlockersModule } from './blockers/blockers.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { DomainEventsModule } from './events/domain-events.module';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { ShutdownModule } from './operations/shutdown.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ForumModule } from './forum/forum.module';
import { PubSubModule } from './pubsub/pubsub.module';
import { ReadCacheModule } from './read-cache/read-cache.module';
import { SeedModule } from './seed/seed.module';
import { SeminarsModule } from './seminars/seminars.module';
import { SearchCoreModule } from './search/search-core.module';
import { SearchModule } from './search/search.module';
import { TerritoriesModule } from './territories/territories.module';
import { WikiModule } from './wiki/wiki.module';
import { OpenDataModule } from './open-data/open-data.module';
import { DataImportModule } from './data-import/data-import.module';
import { MapsModule } from './maps/maps.module';
import { ProconnectModule } from './accounts/proconnect/proconnect.module';
import { MailCoreModule } from './mail/mail-core.module';
import { MailModule } from './mail/mail.module';

/** Feature modules, one per folder. Add new features here. */
const FEATURES = [
  AccountsModule,
  TerritoriesModule,
  NotificationsModule,
  WikiModule,
  OpenDataModule,
  ForumModule,
  BlockersModule,
  BenchmarkModule,
  SearchModule,
  SeminarsModule,
  CommitmentsModule,
  DataImportModule,
  MapsModule,
  ProconnectModule,
  MailModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        DomainEventsModule,
        HealthModule,
        ShutdownModule,
        ObservabilityModule,
        PubSubModule,
        ReadCacheModule,
        SearchCoreModule,
        MailCoreModule,
        GraphqlApiModule,
        ...FEATURES,
        SeedModule,
      ],
    };
  }
}
