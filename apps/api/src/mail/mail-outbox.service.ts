import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainEvents } from '../events/domain-events.service';
import { MailQueued } from './mail.events';
import { MailOutbox } from './mail.entities';
import type { MailCategory, OutgoingMail } from './outgoing-mail';

const INSERT_CHUNK = 100;

/** Writes messages into the mail outbox, inside the caller's transaction. */
@Injectable()
export class MailOutboxService {
  private readonly host: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {
    this.host = new URL(config.publicUrl).hostname || 'essaim.invalid';
  }

  /** An absolute link to a page of the web app. */
  link(path: string): string {
    return new URL(path, this.config.publicUrl).toString();
  }

  /**
   * The row commits (or rolls back) with the change that causes it. Its Message-ID is chosen
   * now and never changes, so a resend after a crash is recognisable as the same message.
   */
  async enqueue(manager: EntityManager, category: MailCategory, mails: OutgoingMail | OutgoingMail[]): Promise<void> {
    const list = Array.isArray(mails) ? mails : [mails];
    if (!list.length) return;
    const rows = list.map((mail) => ({
      messageId: `<${randomUUID()}@${this.host}>`,
      category,
      message: JSON.stringify(mail),
      attempts: 0,
      notBefore: null,
      lastError: null,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await manager.getRepository(MailOutbox).insert(rows.slice(i, i + INSERT_CHUNK));
    // The worker is woken once the transaction commits (MailWorkerWakeHandler).
    await this.events.record(manager, new MailQueued(category, list.length));
  }
}
