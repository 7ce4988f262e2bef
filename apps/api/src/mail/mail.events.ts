import { DomainEvent } from '../events/domain-event';
import type { MailCategory } from './outgoing-mail';

/** Messages were written into the mail outbox (recorded by MailOutboxService.enqueue). */
export class MailQueued extends DomainEvent {
  constructor(
    readonly category: MailCategory,
    readonly count: number,
  ) {
    super();
  }

  override get seenByAnonymousReaders(): boolean {
    return false;
  }
}
