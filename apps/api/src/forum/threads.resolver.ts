import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../accounts/user.entity';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { Connection, pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { Project } from '../wiki/project.entity';
import { IdArgs, LockThreadArgs, MoveThreadArgs, PinThreadArgs, PostIdArgs, ThreadIdArgs } from './dto/forum.args';
import { ThreadInput } from './dto/thread.input';
import { ForumCategory, ForumPost, ForumThread } from './entities';
import { ForumReadService } from './forum-read.service';
import { ThreadConnection, PostConnection } from './models/connections';
import { ModerationService } from './moderation.service';
import { PostingService } from './posting.service';

@Resolver(() => ForumThread)
export class ThreadsResolver {
  constructor(
    private readonly read: ForumReadService,
    private readonly posting: PostingService,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
  ) {}

  @Query(() => ForumThread, { nullable: true })
  @Allow('PUBLIC')
  thread(@Args() { id }: IdArgs): Promise<ForumThread | null> {
    return this.read.thread(Number(id));
  }

  @Query(() => ThreadConnection, { description: 'Threads of every category, latest activity first (pinned first).' })
  @Allow('PUBLIC')
  async forumThreads(@Args() args: PaginationArgs): Promise<Connection<ForumThread>> {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.read.threads({}, 'LATEST', page);
    return toConnection(nodes, total, page);
  }

  @Mutation(() => ForumThread, { description: "Opens a thread with its first post; with projectId, the project sheet's Discussion (CONFLICT if it exists)." })
  @Allow('MEMBER')
  async createThread(@Args('input') input: ThreadInput, @CurrentUser() user: User): Promise<ForumThread> {
    return this.posting.createThread(user, input);
  }

  @Mutation(() => ForumThread, { description: 'Moderators: a locked thread refuses replies and edits from members (FORBIDDEN).' })
  @Allow('MODERATOR')
  async lockThread(@Args() { id, locked }: LockThreadArgs, @CurrentUser() user: User): Promise<ForumThread> {
    return this.moderation.lockThread(user, Number(id), locked);
  }

  @Mutation(() => ForumThread, { description: 'Moderators: pinned threads come first in their category.' })
  @Allow('MODERATOR')
  async pinThread(@Args() { id, pinned }: PinThreadArgs, @CurrentUser() user: User): Promise<ForumThread> {
    return this.moderation.pinThread(user, Number(id), pinned);
  }

  @Mutation(() => ForumThread, { description: 'Moderators: moves a thread to another category.' })
  @Allow('MODERATOR')
  async moveThread(@Args() { id, categoryId }: MoveThreadArgs, @CurrentUser() user: User): Promise<ForumThread> {
    return this.moderation.moveThread(user, Number(id), Number(categoryId));
  }

  @Mutation(() => ForumThread, { description: "The thread's author (or a moderator) marks a reply as the accepted answer." })
  @Allow('MEMBER')
  async acceptAnswer(@Args() { postId }: PostIdArgs, @CurrentUser() user: User): Promise<ForumThread> {
    return this.posting.acceptAnswer(user, Number(postId));
  }

  @Mutation(() => ForumThread, { description: 'Marks the thread read up to its latest post (unread markers).' })
  @Allow('MEMBER')
  async markThreadRead(@Args() { threadId }: ThreadIdArgs, @CurrentUser() user: User): Promise<ForumThread> {
    return this.posting.markThreadRead(user, Number(threadId));
  }

  @ResolveField(() => User, { nullable: true })
  author(@Parent() thread: ForumThread, @Ctx() ctx: RequestContext): Promise<User | null> {
    return thread.authorId ? this.read.user(ctx, thread.authorId) : Promise.resolve(null);
  }

  @ResolveField(() => ForumCategory)
  category(@Parent() thread: ForumThread, @Ctx() ctx: RequestContext): Promise<ForumCategory | null> {
    return this.read.category(ctx, thread.categoryId);
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() thread: ForumThread, @Ctx() ctx: RequestContext): Promise<Project | null> {
    return thread.projectId ? this.read.project(ctx, thread.projectId) : Promise.resolve(null);
  }

  @ResolveField(() => ForumPost, { nullable: true })
  acceptedPost(@Parent() thread: ForumThread, @Ctx() ctx: RequestContext): Promise<ForumPost | null> {
    return thread.acceptedPostId ? this.read.post(ctx, thread.acceptedPostId) : Promise.resolve(null);
  }

  @ResolveField(() => ForumPost, { nullable: true, description: 'The opening post (for previews).' })
  firstPost(@Parent() thread: ForumThread, @Ctx() ctx: RequestContext): Promise<ForumPost | null> {
    return thread.firstPostId ? this.read.post(ctx, thread.firstPostId) : Promise.resolve(null);
  }

  @ResolveField(() => PostConnection, { description: 'Oldest first.' })
  async posts(@Parent() thread: ForumThread, @Args() args: PaginationArgs): Promise<Connection<ForumPost>> {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.read.posts(thread.id, page);
    return toConnection(nodes, total, page);
  }

  @ResolveField(() => Boolean, { description: 'The viewer has not read the latest post (false when anonymous).' })
  async unread(@Parent() thread: ForumThread, @CurrentUser({ optional: true }) user: User | null, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!user || !thread.lastPostId) return false;
    const lastRead = await this.read.lastRead(ctx, user.id, thread.id);
    return lastRead === null || lastRead < thread.lastPostId;
  }

  @ResolveField(() => String, { nullable: true, description: 'Id of the last post the viewer has read here (null: never opened).' })
  async lastReadPostId(@Parent() thread: ForumThread, @CurrentUser({ optional: true }) user: User | null, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!user) return null;
    const lastRead = await this.read.lastRead(ctx, user.id, thread.id);
    return lastRead === null ? null : String(lastRead);
  }

  @ResolveField(() => Boolean, { description: 'The viewer follows this thread (false when anonymous).' })
  async following(@Parent() thread: ForumThread, @CurrentUser({ optional: true }) user: User | null, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!user) return false;
    return this.read.followed(ctx, this.notifications, user.id, FollowTargetType.THREAD, thread.id);
  }

  @ResolveField(() => String, { description: 'Path of the thread page in the web app.' })
  url(@Parent() thread: ForumThread): string {
    return `/forum/sujet/${thread.id}`;
  }
}
