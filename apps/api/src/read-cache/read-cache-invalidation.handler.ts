import { Injectable, OnModuleInit } from '@nestjs/common';
import { Session } from '../accounts/session.entity';
import { AppMeta } from '../database/app-meta.entity';
import { DomainEvent } from '../events/domain-event';
import { DomainEvents } from '../events/domain-events.service';
import { RowsWritten } from '../events/rows-written';
import { Notification } from '../notifications/notification.entity';
import { SearchOutbox } from '../search/search-outbox.entity';
import { ReadCacheService } from './read-cache.service';

/** Writes that never change what an anonymous reader sees (app_meta: import and index bookkeeping). */
const PRIVATE_ENTITIES: unknown[] = [Session, Notification, SearchOutbox, AppMeta];

/**
 * After the commit: any event that may change what anonymous readers see drops the cached
 * answers (and tells the other processes). A read that began before the commit finishes
 * with an older content version, so the store refuses to keep its answer.
 */
@Injectable()
export class ReadCacheInvalidationHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly readCache: ReadCacheService,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit(DomainEvent, (event) => {
      if (!event.seenByAnonymousReaders) return;
      if (event instanceof RowsWritten && PRIVATE_ENTITIES.includes(event.entity)) return;
      this.readCache.contentChanged();
    });
  }
}
