import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent } from '../events/domain-event';
import { DomainEvents } from '../events/domain-events.service';
import { changesSearchDocuments } from './search-events';
import { SearchWorker } from './search-worker';

/** After the commit: outbox rows were written, the indexer runs now instead of at its next poll. */
@Injectable()
export class SearchWorkerWakeHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly worker: SearchWorker,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit(DomainEvent, (event) => {
      if (changesSearchDocuments(event) && event.searchDocuments().ids.length > 0) this.worker.poke();
    });
  }
}
