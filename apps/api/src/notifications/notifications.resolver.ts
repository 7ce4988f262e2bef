import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { unauthenticated } from '../common/errors';
import { Connection, ConnectionType, pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { FollowArgs, MarkReadArgs } from './dto/notifications.args';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

export const NotificationConnection = ConnectionType(Notification, 'Notification');

async function viewerId(ctx: RequestContext): Promise<number> {
  const { user } = await ctx.auth();
  if (!user) throw unauthenticated();
  return user.id;
}

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => NotificationConnection, { description: "The logged-in user's own notifications, newest first." })
  @Allow('MEMBER')
  async notifications(@Args() { first, after }: PaginationArgs, @Ctx() ctx: RequestContext): Promise<Connection<Notification>> {
    const page = pageRequest(first, after);
    const [nodes, total] = await this.service.list(await viewerId(ctx), page);
    return toConnection(nodes, total, page);
  }

  @Query(() => Int, { description: 'Unread notifications of the logged-in user (0 when anonymous), for the bell.' })
  @Allow('PUBLIC')
  async unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    const { user } = await ctx.auth();
    return user ? this.service.unreadCount(user.id) : 0;
  }

  @Mutation(() => Boolean, { description: 'Marks all (or the given) notifications of the logged-in user as read.' })
  @Allow('MEMBER')
  async markNotificationsRead(@Args() { ids }: MarkReadArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.service.markRead(await viewerId(ctx), ids);
    return true;
  }

  @Query(() => Boolean, { description: 'Whether the logged-in user follows this thread or project (false when anonymous).' })
  @Allow('PUBLIC')
  async isFollowing(@Args() { targetType, targetId }: FollowArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    const { user } = await ctx.auth();
    return user ? this.service.isFollowing(this.dataSource.manager, user.id, targetType, targetId) : false;
  }

  @Mutation(() => Boolean, { description: 'Follows a thread or a project sheet (idempotent). Returns true.' })
  @Allow('MEMBER')
  async follow(@Args() { targetType, targetId }: FollowArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    const userId = await viewerId(ctx);
    await this.service.assertTargetExists(targetType, Number(targetId));
    await this.service.follow(this.dataSource.manager, userId, targetType, targetId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Stops following a thread or a project sheet (idempotent). Returns false (not following any more).' })
  @Allow('MEMBER')
  async unfollow(@Args() { targetType, targetId }: FollowArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    await this.service.unfollow(this.dataSource.manager, await viewerId(ctx), targetType, targetId);
    return false;
  }
}
