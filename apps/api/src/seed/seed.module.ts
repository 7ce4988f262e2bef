import { Global, Module } from '@nestjs/common';
import { SeedRegistry } from './seed.registry';
import { SeedService } from './seed.service';

@Global()
@Module({ providers: [SeedRegistry, SeedService], exports: [SeedRegistry, SeedService] })
export class SeedModule {}
