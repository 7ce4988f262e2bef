import { Notification } from '../notifications/notification.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { rolledBack } from '../testing/sqlite-events';
import { sqliteWithNotifications } from '../testing/sqlite-notifications';
import { CommitmentStatus } from './commitment.enums';
import { CommitmentNotificationsHandler } from './commitment-notifications.handler';
import { CommitmentStatusChanged } from './commitments.events';

describe('CommitmentNotificationsHandler (in the transaction)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithNotifications>>;
  let ana: number, bob: number;
  const changed = () =>
    new CommitmentStatusChanged(6, CommitmentStatus.TO_START, CommitmentStatus.IN_PROGRESS, { actorId: ana, seminarId: 2, title: 'Ouvrir les données' });

  beforeEach(async () => {
    db = await sqliteWithNotifications();
    new CommitmentNotificationsHandler(db.events, db.notifications).onModuleInit();
    [ana, bob] = await db.users('Ana', 'Bob');
    await db.follow([ana, bob], FollowTargetType.COMMITMENT, 6);
  });
  afterEach(() => db.close());

  it("tells the commitment's followers, except who changed it, of its new status", async () => {
    await db.dataSource.transaction((m) => db.events.record(m, changed()));
    expect(await db.told()).toEqual([
      `${bob} COMMITMENT_STATUS: L’engagement « Ouvrir les données » est passé à « en cours ». → /seminaires/2/engagements#engagement-6`,
    ]);
  });

  it('writes nothing that outlives a rollback of the update', async () => {
    await rolledBack(db.dataSource, async (m) => {
      await db.events.record(m, changed());
      expect(await m.getRepository(Notification).count()).toBe(1);
    });
    expect(await db.told()).toEqual([]);
  });
});
