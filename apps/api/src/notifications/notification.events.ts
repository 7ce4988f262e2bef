import { DomainEvent } from '../events/domain-event';
import type { NotificationPayload } from './follow-target';

/** One notification just created (`groupKey` set for grouped ones: the mailer says only what is new). */
export interface Notified {
  userId: number;
  payload: NotificationPayload;
  groupKey?: string | null;
}

/** In-app notifications were created (the mail feature writes the immediate e-mails in the same transaction). */
export class UsersNotified extends DomainEvent {
  constructor(readonly notified: readonly Notified[]) {
    super();
  }

  override get seenByAnonymousReaders(): boolean {
    return false;
  }
}
