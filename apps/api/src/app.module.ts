import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthModule } from './health/health.module';
import { PubSubModule } from './pubsub/pubsub.module';
import { SeedModule } from './seed/seed.module';
import { SearchCoreModule } from './search/search-core.module';
import { TerritoriesModule } from './territories/territories.module';

/** Feature modules, one per folder. Add new features here. */
const FEATURES = [
  AccountsModule,
  TerritoriesModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        HealthModule,
        PubSubModule,
        SearchCoreModule,
        GraphqlApiModule,
        ...FEATURES,
        SeedModule,
      ],
    };
  }
}
