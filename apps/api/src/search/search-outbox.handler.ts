import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent } from '../events/domain-event';
import { DomainEvents } from '../events/domain-events.service';
import { changesSearchDocuments } from './search-events';
import { enqueueSearchUpdate } from './search-outbox';

/** In the transaction: every event that changes searchable documents writes their search outbox rows. */
@Injectable()
export class SearchOutboxHandler implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.onRecorded(DomainEvent, async (manager, event) => {
      if (!changesSearchDocuments(event)) return;
      const { docType, ids } = event.searchDocuments();
      await enqueueSearchUpdate(manager, docType, ids);
    });
  }
}
