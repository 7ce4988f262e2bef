import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassThroughGraphqlFilter } from '../common/graphql-exception.filter';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountsModule } from '../accounts/accounts.module';
import { SessionsService } from '../accounts/sessions.service';
import { AllowGuard } from '../common/auth/allow.guard';
import { APP_CONFIG, AppConfig } from '../config/config';
import { graphqlOptions } from './graphql-options';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AccountsModule],
      inject: [APP_CONFIG, SessionsService],
      useFactory: (config: AppConfig, sessions: SessionsService) => graphqlOptions(config, sessions),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: AllowGuard },
    { provide: APP_FILTER, useClass: PassThroughGraphqlFilter },
  ],
})
export class GraphqlApiModule {}
