import { Notification } from '../notifications/notification.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { rolledBack } from '../testing/sqlite-events';
import { sqliteWithNotifications } from '../testing/sqlite-notifications';
import { BlockerNotificationsHandler } from './blocker-notifications.handler';
import { BlockerStatusChanged } from './blockers.events';

describe('BlockerNotificationsHandler (in the transaction)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithNotifications>>;
  let ana: number, bob: number, cle: number;
  const changed = (from: BlockerStatusChanged['status'], to: BlockerStatusChanged['status']) =>
    new BlockerStatusChanged(4, from, to, { actorId: ana, category: 'FUNDING', project: { id: 3, title: 'Verger', slug: 'verger' } });

  beforeEach(async () => {
    db = await sqliteWithNotifications();
    new BlockerNotificationsHandler(db.events, db.notifications).onModuleInit();
    [ana, bob, cle] = await db.users('Ana', 'Bob', 'Cle');
    await db.follow([ana, bob, cle], FollowTargetType.PROJECT, 3);
  });
  afterEach(() => db.close());

  it("announces a lifted or worked-around blocker to the project's other followers, and no other change", async () => {
    for (const [from, to] of [
      ['OPEN', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'LIFTED'],
      ['LIFTED', 'OPEN'],
      ['OPEN', 'WORKED_AROUND'],
      ['OPEN', 'ABANDONED'],
    ] as const)
      await db.dataSource.transaction((m) => db.events.record(m, changed(from, to)));
    const lifted = 'Frein levé sur « Verger » : Financement. → /projets/verger#frein-4';
    const around = 'Frein contourné sur « Verger » : Financement. → /projets/verger#frein-4';
    expect(await db.told()).toEqual([
      `${bob} BLOCKER_LIFTED: ${lifted}`,
      `${cle} BLOCKER_LIFTED: ${lifted}`,
      `${bob} BLOCKER_LIFTED: ${around}`,
      `${cle} BLOCKER_LIFTED: ${around}`,
    ]);
  });

  it('writes nothing that outlives a rollback of the status change', async () => {
    await rolledBack(db.dataSource, async (m) => {
      await db.events.record(m, changed('OPEN', 'LIFTED'));
      expect(await m.getRepository(Notification).count()).toBe(2);
    });
    expect(await db.told()).toEqual([]);
  });
});
