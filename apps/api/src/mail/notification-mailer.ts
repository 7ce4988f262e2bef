import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, Not, Like } from 'typeorm';
import { User } from '../accounts/user.entity';
import { DomainEvents } from '../events/domain-events.service';
import type { Notified } from '../notifications/notification.events';
import { UsersNotified } from '../notifications/notification.events';
import { NotificationsService } from '../notifications/notifications.service';
import { renderMail } from './mail-layout';
import { MailOutboxService } from './mail-outbox.service';
import { MailPreferencesService } from './mail-preferences.service';
import { kindHeadline, MailMode } from './notification-kinds';
import type { OutgoingMail } from './outgoing-mail';
import { UnsubscribeLinks } from './unsubscribe-links';

/** Deleted accounts keep a placeholder address on this domain: never mail it. */
const DELETED_DOMAIN = '%@supprime.invalid';

/**
 * Every in-app notification passes here (UsersNotified), inside the transaction that creates it: users whose
 * preference for that kind is IMMEDIATE get an e-mail row written in the same transaction.
 * DAILY and WEEKLY kinds wait for the digest (DigestService reads the notifications).
 */
@Injectable()
export class NotificationMailer implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly outbox: MailOutboxService,
    private readonly preferences: MailPreferencesService,
    private readonly unsubscribe: UnsubscribeLinks,
  ) {}

  onModuleInit(): void {
    this.events.onRecorded(UsersNotified, (manager, event) => this.mailImmediate(manager, event.notified));
  }

  async mailImmediate(manager: EntityManager, notified: readonly Notified[]): Promise<void> {
    const byKind = new Map<string, typeof notified>();
    for (const n of notified) byKind.set(n.payload.kind, [...(byKind.get(n.payload.kind) ?? []), n]);
    const mails: OutgoingMail[] = [];
    for (const [kind, list] of byKind) {
      const modes = await this.preferences.modesFor(
        manager,
        list.map((n) => n.userId),
        kind,
      );
      const wanted = list.filter((n) => modes.get(n.userId) === MailMode.IMMEDIATE);
      if (!wanted.length) continue;
      const ids = wanted.map((n) => n.userId);
      const users = await manager.getRepository(User).find({
        select: { id: true, email: true, displayName: true },
        where: { id: In(ids), email: Not(Like(DELETED_DOMAIN)) },
      });
      const byId = new Map(users.map((u) => [u.id, u]));
      const langs = await this.preferences.languages(manager, ids);
      const mailedGroups = new Map<string, number[]>();
      for (const { userId, payload: notification, groupKey } of wanted) {
        const user = byId.get(userId);
        if (!user) continue;
        // A grouped notification that replaced a mailed one: only what is new is mailed.
        const payload = notification.mail ?? notification;
        if (groupKey) mailedGroups.set(groupKey, [...(mailedGroups.get(groupKey) ?? []), userId]);
        const lang = langs.get(userId) ?? 'fr';
        const headline = kindHeadline(kind, lang);
        const { headers, footer } = await this.unsubscribe.decorate({ userId, scope: kind }, lang, headline.toLowerCase());
        const body = renderMail({
          lang,
          subject: lang === 'fr' ? payload.message.slice(0, 150) : headline,
          paragraphs: lang === 'fr' ? [payload.message] : [`${headline}:`, `“${payload.message}”`],
          action: { label: lang === 'fr' ? 'Voir sur Essaim' : 'See it on Essaim', url: this.outbox.link(payload.url) },
          footer,
        });
        mails.push({ to: user.email, ...body, headers });
      }
      for (const [groupKey, userIds] of mailedGroups) await this.notifications.markGroupMailed(manager, groupKey, userIds);
    }
    await this.outbox.enqueue(manager, 'NOTIFICATION', mails);
  }
}
