import { Global, Module } from '@nestjs/common';
import { ShutdownRegistry } from './shutdown.registry';

/** Where components register what the graceful shutdown (operations/shutdown.ts) must finish for them. */
@Global()
@Module({ providers: [ShutdownRegistry], exports: [ShutdownRegistry] })
export class ShutdownModule {}
