import { DomainEvent } from '../events/domain-event';
import type { NotificationPayload } from './follow-target';

/** In-app notifications were created (the mail feature writes the immediate e-mails in the same transaction). */
export class UsersNotified extends DomainEvent {
  constructor(readonly notified: readonly { userId: number; payload: NotificationPayload }[]) {
    super();
  }

  override get seenByAnonymousReaders(): boolean {
    return false;
  }
}
