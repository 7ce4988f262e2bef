import { Args, ArgsType, Field, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, Matches } from 'class-validator';
import { User } from '../accounts/user.entity';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { Connection, pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { FlagQueueArgs, ID_PATTERN_ARG } from './dto/forum.args';
import { ForumFlag, ForumPost, ForumPostRevision, ForumThread, ModerationLogEntry } from './entities';
import { ForumReadService } from './forum-read.service';
import { ModerationActionConnection, PostFlagConnection } from './models/connections';
import { ModerationService } from './moderation.service';
import { problem } from '../common/validation/problem';

@ArgsType()
class ModerationLogArgs extends PaginationArgs {
  @Field(() => ID, { nullable: true, description: 'Only the actions on this thread.' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN_ARG, problem('INVALID_THREAD_ID'))
  threadId?: string | null;
}

/** The moderators' queue of flags and the log of every moderation action. */
@Resolver(() => ForumFlag)
export class ModerationResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly read: ForumReadService,
  ) {}

  @Query(() => PostFlagConnection, { description: 'Moderators: reported posts, newest report first.' })
  @Allow('MODERATOR')
  async flaggedPosts(@Args() args: FlagQueueArgs): Promise<Connection<ForumFlag>> {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.moderation.flags(args.openOnly ?? true, page);
    return toConnection(nodes, total, page);
  }

  @Query(() => ModerationActionConnection, { description: 'Moderators: every moderation action, newest first.' })
  @Allow('MODERATOR')
  async moderationLog(@Args() args: ModerationLogArgs): Promise<Connection<ModerationLogEntry>> {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.moderation.logEntries(args.threadId ? Number(args.threadId) : null, page);
    return toConnection(nodes, total, page);
  }

  @ResolveField(() => ForumPost)
  post(@Parent() flag: ForumFlag, @Ctx() ctx: RequestContext): Promise<ForumPost | null> {
    return this.read.post(ctx, flag.postId);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who reported the post.' })
  reporter(@Parent() flag: ForumFlag, @Ctx() ctx: RequestContext): Promise<User | null> {
    return this.read.user(ctx, flag.userId);
  }
}

@Resolver(() => ModerationLogEntry)
export class ModerationLogResolver {
  constructor(private readonly read: ForumReadService) {}

  @ResolveField(() => User, { nullable: true })
  moderator(@Parent() entry: ModerationLogEntry, @Ctx() ctx: RequestContext): Promise<User | null> {
    return entry.moderatorId ? this.read.user(ctx, entry.moderatorId) : Promise.resolve(null);
  }

  @ResolveField(() => ForumThread, { nullable: true })
  thread(@Parent() entry: ModerationLogEntry, @Ctx() ctx: RequestContext): Promise<ForumThread | null> {
    return entry.threadId ? this.read.threadById(ctx, entry.threadId) : Promise.resolve(null);
  }
}

@Resolver(() => ForumPostRevision)
export class PostRevisionResolver {
  constructor(private readonly read: ForumReadService) {}

  @ResolveField(() => User, { nullable: true })
  author(@Parent() revision: ForumPostRevision, @Ctx() ctx: RequestContext): Promise<User | null> {
    return revision.authorId ? this.read.user(ctx, revision.authorId) : Promise.resolve(null);
  }
}
