import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { Connection, ConnectionType, pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { FollowArgs, MarkReadArgs } from './dto/notifications.args';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import type { User } from '../accounts/user.entity';

export const NotificationConnection = ConnectionType(Notification, 'Notification');

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => NotificationConnection, { description: "The logged-in user's own notifications, newest first." })
  @Allow('MEMBER')
  async notifications(@Args() { first, after }: PaginationArgs, @CurrentUser() user: User): Promise<Connection<Notification>> {
    const page = pageRequest(first, after);
    const [nodes, total] = await this.service.list(user.id, page);
    return toConnection(nodes, total, page);
  }

  @Query(() => Int, { description: 'Unread notifications of the logged-in user (0 when anonymous), for the bell.' })
  @Allow('PUBLIC')
  async unreadNotificationCount(@CurrentUser({ optional: true }) user: User | null): Promise<number> {
    return user ? this.service.unreadCount(user.id) : 0;
  }

  @Mutation(() => Boolean, { description: 'Marks all (or the given) notifications of the logged-in user as read.' })
  @Allow('MEMBER')
  async markNotificationsRead(@Args() { ids }: MarkReadArgs, @CurrentUser() user: User): Promise<boolean> {
    await this.service.markRead(user.id, ids);
    return true;
  }

  @Query(() => Boolean, { description: 'Whether the logged-in user follows this thread or project (false when anonymous).' })
  @Allow('PUBLIC')
  async isFollowing(@Args() { targetType, targetId }: FollowArgs, @CurrentUser({ optional: true }) user: User | null): Promise<boolean> {
    return user ? this.service.isFollowing(this.dataSource.manager, user.id, targetType, targetId) : false;
  }

  @Mutation(() => Boolean, { description: 'Follows a thread or a project sheet (idempotent). Returns true.' })
  @Allow('MEMBER')
  async follow(@Args() { targetType, targetId }: FollowArgs, @CurrentUser() user: User): Promise<boolean> {
    await this.service.assertTargetExists(targetType, Number(targetId));
    await this.service.follow(this.dataSource.manager, user.id, targetType, targetId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Stops following a thread or a project sheet (idempotent). Returns false (not following any more).' })
  @Allow('MEMBER')
  async unfollow(@Args() { targetType, targetId }: FollowArgs, @CurrentUser() user: User): Promise<boolean> {
    await this.service.unfollow(this.dataSource.manager, user.id, targetType, targetId);
    return false;
  }
}
