import { Global, Module } from '@nestjs/common';
import { ReadCacheInvalidationHandler } from './read-cache-invalidation.handler';
import { ReadCacheService } from './read-cache.service';

@Global()
@Module({ providers: [ReadCacheService, ReadCacheInvalidationHandler], exports: [ReadCacheService] })
export class ReadCacheModule {}
