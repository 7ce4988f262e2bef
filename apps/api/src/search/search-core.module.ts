import { Global, Module } from '@nestjs/common';
import { SearchOutboxHandler } from './search-outbox.handler';
import { SearchSourcesRegistry } from './search-sources.registry';

/** The search port every feature depends on (sources, the outbox written by events); the engine side lives in SearchModule. */
@Global()
@Module({ providers: [SearchSourcesRegistry, SearchOutboxHandler], exports: [SearchSourcesRegistry] })
export class SearchCoreModule {}
