import { Notification } from '../../notifications/notification.entity';
import { Territory } from '../../territories/territory.entity';
import { TerritoryKind } from '../../territories/territory-kind';
import { rolledBack } from '../../testing/sqlite-events';
import { sqliteWithNotifications } from '../../testing/sqlite-notifications';
import { Membership } from './membership.entity';
import { MembershipStatus } from './membership.enums';
import { MembershipDecided, MembershipRequested, MembershipRevoked } from './membership.events';
import { MembershipNotificationsHandler } from './membership-notifications.handler';

describe('MembershipNotificationsHandler (in the transaction)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithNotifications>>;
  let ana: number, bob: number, cle: number, dan: number;
  const lyon = { code: '69123', name: 'Lyon' };
  const record = (event: MembershipRequested | MembershipDecided | MembershipRevoked) => db.dataSource.transaction((m) => db.events.record(m, event));

  beforeEach(async () => {
    db = await sqliteWithNotifications([Membership]);
    new MembershipNotificationsHandler(db.events, db.notifications).onModuleInit();
    [ana, bob, cle, dan] = await db.users('Ana', 'Bob', 'Cle', 'Dan');
    await db.dataSource.getRepository(Territory).insert({ ...lyon, kind: TerritoryKind.COMMUNE, searchName: 'lyon' });
    const member = (userId: number, manager: boolean, status = MembershipStatus.VERIFIED) => ({ userId, territoryCode: lyon.code, status, manager });
    await db.dataSource
      .getRepository(Membership)
      .insert([member(ana, true), member(bob, true), member(cle, false), member(dan, true, MembershipStatus.REVOKED)]);
  });
  afterEach(() => db.close());

  it("tells the territory's verified managers of a request (not the requester, if a manager)", async () => {
    await record(new MembershipRequested(9, lyon, { id: bob, displayName: 'Bob' }));
    expect(await db.told()).toEqual([`${ana} MEMBERSHIP_REQUESTED: Bob demande à rejoindre Lyon. → /compte/demandes?territoire=69123`]);
  });

  it('tells the requester of the decision and a member of a revocation, with the reason', async () => {
    await record(new MembershipDecided(9, cle, lyon, true, null));
    await record(new MembershipDecided(10, dan, lyon, false, 'inconnu'));
    await record(new MembershipRevoked(11, cle, lyon, 'départ'));
    expect(await db.told()).toEqual([
      `${cle} MEMBERSHIP_APPROVED: Votre appartenance à Lyon est vérifiée : vous pouvez agir pour ce territoire. → /compte`,
      `${dan} MEMBERSHIP_REFUSED: Votre demande d'appartenance à Lyon a été refusée : inconnu → /compte`,
      `${cle} MEMBERSHIP_REVOKED: Votre appartenance à Lyon a été retirée : départ → /compte`,
    ]);
  });

  it('writes nothing that outlives a rollback of the decision', async () => {
    await rolledBack(db.dataSource, async (m) => {
      await db.events.record(m, new MembershipDecided(9, cle, lyon, true, null));
      expect(await m.getRepository(Notification).count()).toBe(1);
    });
    expect(await db.told()).toEqual([]);
  });
});
