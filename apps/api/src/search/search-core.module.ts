import { Global, Module } from '@nestjs/common';
import { SearchSourcesRegistry } from './search-sources.registry';

/** The search port every feature depends on; the engine side lives in SearchModule. */
@Global()
@Module({ providers: [SearchSourcesRegistry], exports: [SearchSourcesRegistry] })
export class SearchCoreModule {}
