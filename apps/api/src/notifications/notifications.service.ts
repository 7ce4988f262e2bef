import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { badInput, notFound } from '../common/errors';
import { PageRequest } from '../common/pagination/connection';
import { DomainEvents } from '../events/domain-events.service';
import { Follow } from './follow.entity';
import { FollowTarget, FollowTargetType, NotificationGroup, NotificationPayload, PreviousNotification } from './follow-target';
import { Notified, UsersNotified } from './notification.events';
import { Notification } from './notification.entity';

const MESSAGE_MAX = 500;
const URL_MAX = 300;
const INSERT_CHUNK = 200;

/** Tells whether a followable thing exists (registered by the feature that owns it). */
export type FollowTargetExists = (manager: EntityManager, id: number) => Promise<boolean>;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const cleanPayload = (payload: NotificationPayload) => ({
  kind: clip(payload.kind, 32),
  message: clip(payload.message, MESSAGE_MAX),
  url: clip(payload.url, URL_MAX),
  actorId: payload.actorId ?? null,
  mailMessage: payload.mail ? clip(payload.mail.message, MESSAGE_MAX) : null,
  mailUrl: payload.mail ? clip(payload.mail.url, URL_MAX) : null,
  read: false,
});

/** A stored row back as the payload listeners get. */
const asPayload = (row: ReturnType<typeof cleanPayload>): NotificationPayload => ({
  kind: row.kind,
  message: row.message,
  url: row.url,
  actorId: row.actorId,
  mail: row.mailMessage !== null && row.mailUrl !== null ? { message: row.mailMessage, url: row.mailUrl } : null,
});

function toId(value: number | string, invalid: 'INVALID_FOLLOW_TARGET_ID' | 'INVALID_NOTIFICATION_ID'): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw badInput(invalid);
  return id;
}

/**
 * Followers and in-app notifications, shared by every feature. Every write takes the caller's
 * EntityManager so that notifications commit (or roll back) with the change they announce.
 */
@Injectable()
export class NotificationsService {
  private readonly targets = new Map<FollowTargetType, FollowTargetExists>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** Every notification created, whatever its kind, is recorded in its transaction (UsersNotified). */
  private async announce(manager: EntityManager, notified: Notified[]): Promise<void> {
    if (!notified.length) return;
    await this.events.record(manager, new UsersNotified(notified));
  }

  /** Features register how to check that a target exists, for the public follow mutation. */
  registerTarget(type: FollowTargetType, exists: FollowTargetExists): void {
    this.targets.set(type, exists);
  }

  /** Idempotent: following twice keeps one row (unique key, insert-or-ignore). */
  async follow(manager: EntityManager, userId: number, targetType: FollowTargetType | `${FollowTargetType}`, targetId: number | string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Follow)
      .values({ userId, targetType: targetType as FollowTargetType, targetId: toId(targetId, 'INVALID_FOLLOW_TARGET_ID') })
      .orIgnore()
      .execute();
  }

  async unfollow(manager: EntityManager, userId: number, targetType: FollowTargetType | `${FollowTargetType}`, targetId: number | string): Promise<void> {
    await manager.getRepository(Follow).delete({ userId, targetType: targetType as FollowTargetType, targetId: toId(targetId, 'INVALID_FOLLOW_TARGET_ID') });
  }

  isFollowing(manager: EntityManager, userId: number, targetType: FollowTargetType | `${FollowTargetType}`, targetId: number | string): Promise<boolean> {
    return manager
      .getRepository(Follow)
      .exists({ where: { userId, targetType: targetType as FollowTargetType, targetId: toId(targetId, 'INVALID_FOLLOW_TARGET_ID') } });
  }

  /** Of the given targets of one type, those the user follows (for batched `following` fields). */
  async followedAmong(userId: number, targetType: FollowTargetType, targetIds: readonly number[]): Promise<Set<number>> {
    if (targetIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(Follow).find({
      select: { targetId: true },
      where: { userId, targetType, targetId: In([...targetIds]) },
    });
    return new Set(rows.map((r) => r.targetId));
  }

  /**
   * Notifies every follower of the target except `except` (usually the author of the change).
   * Returns the ids of the users notified, so a caller can avoid notifying them twice.
   */
  async notifyFollowers(manager: EntityManager, target: FollowTarget, payload: NotificationPayload, except?: number | number[] | null): Promise<number[]> {
    return this.notifyUsers(manager, await this.followerIds(manager, target, except), payload);
  }

  /**
   * Like notifyFollowers, without piling up: a follower's unread notification of the same group,
   * younger than the group's window, is replaced (deleted, and the new one inserted, so it comes
   * first again). `build` gets what the replaced one said (and whether it was e-mailed), or null.
   * Returns the ids notified.
   */
  async notifyFollowersGrouped(
    manager: EntityManager,
    target: FollowTarget,
    group: NotificationGroup,
    build: (previous: PreviousNotification | null) => NotificationPayload,
    except?: number | number[] | null,
  ): Promise<number[]> {
    const userIds = await this.followerIds(manager, target, except);
    if (userIds.length === 0) return [];
    const followers = new Set(userIds);
    const since = Date.now() - group.windowMs;
    const repo = manager.getRepository(Notification);
    // Locked (PostgreSQL) so that a digest being composed and this replacement see the same "mailed" state.
    const lock = manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const unread = await repo.find({ where: { groupKey: group.key, read: false }, order: { id: 'DESC' }, ...lock });
    const replaced = new Map<number, Notification>();
    for (const n of unread) {
      if (followers.has(n.userId) && !replaced.has(n.userId) && n.createdAt.getTime() >= since) replaced.set(n.userId, n);
    }
    await this.deleteIds(
      manager,
      [...replaced.values()].map((n) => n.id),
    );
    const fresh = build(null);
    const rows = userIds.map((userId) => {
      const previous = replaced.get(userId);
      return { userId, groupKey: clip(group.key, 80), ...cleanPayload(previous ? build(previous) : fresh) };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await repo.insert(rows.slice(i, i + INSERT_CHUNK));
    await this.announce(
      manager,
      rows.map((r) => ({ userId: r.userId, payload: asPayload(r), groupKey: r.groupKey })),
    );
    return userIds;
  }

  /**
   * Records that the users' unread notification of a group was e-mailed (at once): a later one
   * replacing it mails only what is new. Other features' digests use markMailed.
   */
  async markGroupMailed(manager: EntityManager, groupKey: string, userIds: readonly number[]): Promise<void> {
    const now = new Date();
    for (let i = 0; i < userIds.length; i += INSERT_CHUNK) {
      await manager
        .getRepository(Notification)
        .update({ groupKey, userId: In(userIds.slice(i, i + INSERT_CHUNK)), read: false, mailedAt: IsNull() }, { mailedAt: now });
    }
  }

  /** Records that these notifications were e-mailed (in a digest). */
  async markMailed(manager: EntityManager, ids: readonly number[]): Promise<void> {
    const now = new Date();
    for (let i = 0; i < ids.length; i += INSERT_CHUNK)
      await manager.getRepository(Notification).update({ id: In(ids.slice(i, i + INSERT_CHUNK)) }, { mailedAt: now });
  }

  /** Deletes the unread notifications of a group that `matches` (e.g. announcing a revision since hidden). */
  async withdrawUnread(manager: EntityManager, groupKey: string, matches: (n: PreviousNotification) => boolean): Promise<number> {
    const unread = await manager.getRepository(Notification).find({ where: { groupKey, read: false } });
    const ids = unread.filter(matches).map((n) => n.id);
    await this.deleteIds(manager, ids);
    return ids.length;
  }

  /** Notifies the given users once each (duplicates ignored). Returns the ids notified. */
  async notifyUsers(manager: EntityManager, userIds: readonly number[], payload: NotificationPayload): Promise<number[]> {
    const ids = [...new Set(userIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
    const clean = cleanPayload(payload);
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      await manager.getRepository(Notification).insert(ids.slice(i, i + INSERT_CHUNK).map((userId) => ({ userId, ...clean })));
    }
    await this.announce(
      manager,
      ids.map((userId) => ({ userId, payload: asPayload(clean) })),
    );
    return ids;
  }

  private async followerIds(manager: EntityManager, target: FollowTarget, except?: number | number[] | null): Promise<number[]> {
    const excluded = new Set(except == null ? [] : Array.isArray(except) ? except : [except]);
    const rows = await manager.getRepository(Follow).find({
      select: { userId: true },
      where: { targetType: target.targetType as FollowTargetType, targetId: toId(target.targetId, 'INVALID_FOLLOW_TARGET_ID') },
    });
    return [...new Set(rows.map((r) => r.userId).filter((id) => !excluded.has(id)))];
  }

  private async deleteIds(manager: EntityManager, ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) await manager.getRepository(Notification).delete({ id: In(ids.slice(i, i + INSERT_CHUNK)) });
  }

  // ---- reading (the notified user only) ----

  list(userId: number, page: PageRequest): Promise<[Notification[], number]> {
    return this.dataSource.getRepository(Notification).findAndCount({
      where: { userId },
      order: { id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  unreadCount(userId: number): Promise<number> {
    return this.dataSource.getRepository(Notification).count({ where: { userId, read: false } });
  }

  /** Marks the user's notifications read: all of them, or only `ids` (others' ids are ignored). */
  async markRead(userId: number, ids?: readonly string[] | null): Promise<void> {
    const repo = this.dataSource.getRepository(Notification);
    if (ids == null) {
      await repo.update({ userId, read: false }, { read: true });
      return;
    }
    const numeric = ids.map((id) => toId(id, 'INVALID_NOTIFICATION_ID'));
    if (numeric.length) await repo.update({ userId, id: In(numeric) }, { read: true });
  }

  /** The public follow/unfollow mutations check that the target exists first. */
  async assertTargetExists(targetType: FollowTargetType, targetId: number): Promise<void> {
    const exists = this.targets.get(targetType);
    if (!exists) throw badInput('FOLLOW_TYPE_UNSUPPORTED', { targetType });
    if (!(await exists(this.dataSource.manager, targetId))) {
      throw notFound(targetType === FollowTargetType.THREAD ? 'THREAD_NOT_FOUND' : 'PROJECT_NOT_FOUND');
    }
  }
}
