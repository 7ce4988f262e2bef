import type { DataSourceOptions } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Follow } from '../notifications/follow.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { Territory } from '../territories/territory.entity';
import { sqliteWithEvents } from './sqlite-events';

/**
 * sqliteWithEvents with the real NotificationsService and its tables, for the unit tests of the
 * handlers that notify: users to notify, followers, and what each user was told.
 */
export async function sqliteWithNotifications(entities: Extract<DataSourceOptions['entities'], unknown[]> = []) {
  const db = await sqliteWithEvents([User, Territory, Follow, Notification, ...entities]);
  const notifications = new NotificationsService(db.dataSource, db.events);
  return {
    ...db,
    notifications,
    /** Inserts users named `names` (display names); returns their ids in the same order. */
    async users(...names: string[]): Promise<number[]> {
      const ids: number[] = [];
      for (const name of names) {
        const { identifiers } = await db.dataSource.getRepository(User).insert({ email: `${name}@test.invalid`, displayName: name, passwordHash: 'x' });
        ids.push(identifiers[0].id as number);
      }
      return ids;
    },
    async follow(userIds: number[], targetType: FollowTargetType, targetId: number): Promise<void> {
      for (const userId of userIds) await notifications.follow(db.dataSource.manager, userId, targetType, targetId);
    },
    /** Every notification as `userId kind: message → url`, oldest first. */
    async told(): Promise<string[]> {
      const rows = await db.dataSource.getRepository(Notification).find({ order: { id: 'ASC' } });
      return rows.map((n) => `${n.userId} ${n.kind}: ${n.message} → ${n.url}`);
    },
  };
}
