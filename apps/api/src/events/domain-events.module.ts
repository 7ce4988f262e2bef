import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events.service';

/** The domain-event port, global: every feature records its events and registers its handlers here. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
