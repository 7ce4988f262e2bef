import type { EntityManager } from 'typeorm';
import { UsersNotified } from '../notifications/notification.events';
import type { NotificationsService } from '../notifications/notifications.service';
import { rolledBack, sqliteWithEvents } from '../testing/sqlite-events';
import type { MailOutboxService } from './mail-outbox.service';
import type { MailPreferencesService } from './mail-preferences.service';
import { NotificationMailer } from './notification-mailer';
import type { UnsubscribeLinks } from './unsubscribe-links';

/** The composition of the e-mails is covered by mail.int-spec.ts; here, when and with which manager it runs. */
describe('NotificationMailer (in the transaction)', () => {
  it('composes the immediate e-mails inside the transaction that created the notifications', async () => {
    const db = await sqliteWithEvents();
    try {
      const mailer = new NotificationMailer(
        db.events,
        {} as NotificationsService,
        {} as MailOutboxService,
        {} as MailPreferencesService,
        {} as UnsubscribeLinks,
      );
      const calls: [EntityManager, unknown][] = [];
      mailer.mailImmediate = async (manager, notified) => void calls.push([manager, notified]);
      mailer.onModuleInit();
      const notified = [{ userId: 3, payload: { kind: 'REPLY', message: 'Nouvelle réponse', url: '/forum/sujets/1' } }];
      await rolledBack(db.dataSource, async (manager) => {
        await db.events.record(manager, new UsersNotified(notified));
        expect(calls).toEqual([[manager, notified]]);
      });
    } finally {
      await db.close();
    }
  });
});
