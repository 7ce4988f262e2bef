import type { EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Follow } from '../notifications/follow.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { rolledBack, sqliteWithEvents } from '../testing/sqlite-events';
import { Territory } from '../territories/territory.entity';
import { ProjectFollowersHandler } from './project-followers.handler';
import { Project } from './project.entity';
import { ProjectReplicated, ProjectRevised, ProjectRevisionHidden, ProjectSaved } from './wiki.events';

describe('ProjectFollowersHandler (in the transaction)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  let notifications: NotificationsService;
  const editor = { id: 1, displayName: 'Alice' };
  const follower = 2;

  const notices = async (manager: EntityManager = db.dataSource.manager) =>
    (await manager.getRepository(Notification).find({ order: { id: 'ASC' } })).map((n) => `${n.userId} ${n.kind} ${n.message} ${n.url}`);

  const sheet = async (id: number, title: string, slug: string, territoryCode: string) => {
    const values = { id, title, slug, titleKey: slug, summary: '', body: '', themes: [], stage: 'IDEA', territoryCode, sections: {}, updatedAt: new Date() };
    await db.dataSource.getRepository(Project).insert(values as never);
  };

  beforeEach(async () => {
    db = await sqliteWithEvents([User, Territory, Project, Follow, Notification]);
    notifications = new NotificationsService(db.dataSource, db.events);
    new ProjectFollowersHandler(db.events, notifications).onModuleInit();
    const territories = db.dataSource.getRepository(Territory);
    await territories.insert([
      { code: 'T1', name: 'Étampes', kind: 'COMMUNE', searchName: 'etampes' },
      { code: 'T2', name: 'Dourdan', kind: 'COMMUNE', searchName: 'dourdan' },
    ] as never);
    await db.dataSource.getRepository(User).insert([
      { id: editor.id, email: 'a@example.org', displayName: editor.displayName, passwordHash: '-' },
      { id: follower, email: 'b@example.org', displayName: 'Bruno', passwordHash: '-' },
    ]);
    await sheet(10, 'Télémédecine', 'telemedecine-etampes', 'T1');
    await sheet(11, 'Télémédecine', 'telemedecine-dourdan', 'T2');
    for (const userId of [editor.id, follower]) await notifications.follow(db.dataSource.manager, userId, FollowTargetType.PROJECT, 10);
  });
  afterEach(() => db.close());

  it('tells every follower but the editor of a new revision, with the diff since the base, in the same transaction', async () => {
    await rolledBack(db.dataSource, async (manager) => {
      await db.events.record(manager, new ProjectRevised(10, editor, 3, 4, null));
      expect(await notices(manager)).toEqual([
        '2 PROJECT_UPDATED Alice a modifié la fiche « Télémédecine » (révision 4). /projets/telemedecine-etampes/historique?de=3&a=4',
      ]);
    });
    expect(await notices()).toEqual([]);
  });

  it('names the restored revision, and stays silent for a save nobody announces (ProjectSaved)', async () => {
    await db.dataSource.transaction(async (manager) => {
      await db.events.record(manager, new ProjectSaved(10));
      await db.events.record(manager, new ProjectRevised(10, editor, 4, 5, 2));
    });
    expect(await notices()).toEqual([
      '2 PROJECT_UPDATED Alice a restauré la révision 2 de la fiche « Télémédecine » (révision 5). /projets/telemedecine-etampes/historique?de=4&a=5',
    ]);
  });

  it("tells the source's followers that a replication was published", async () => {
    await db.dataSource.transaction((manager) => db.events.record(manager, new ProjectReplicated(11, 10, editor)));
    expect(await notices()).toEqual(['2 PROJECT_REPLICATED Alice réplique « Télémédecine » pour Dourdan. /projets/telemedecine-dourdan']);
  });

  it('withdraws the unread notice announcing a revision moderation hid, and only that one', async () => {
    await db.dataSource.transaction((manager) => db.events.record(manager, new ProjectRevised(10, editor, 3, 4, null)));
    await db.dataSource.transaction((manager) => db.events.record(manager, new ProjectRevisionHidden(10, 3, editor.id)));
    expect(await notices()).toHaveLength(1);
    await db.dataSource.transaction((manager) => db.events.record(manager, new ProjectRevisionHidden(10, 4, editor.id)));
    expect(await notices()).toEqual([]);
  });
});
