import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../accounts/user.entity';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { forbidden } from '../common/errors';
import { escapeHtml } from '../common/markdown';
import { Connection, pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { EditPostArgs, FlagPostArgs, HidePostArgs, IdArgs, PostIdArgs, ReplyArgs } from './dto/forum.args';
import { ForumPost, ForumPostRevision, ForumThread } from './entities';
import { ForumReadService } from './forum-read.service';
import { isModerator } from '../common/auth/policies';
import { PostRevisionConnection } from './models/connections';
import { ModerationService } from './moderation.service';
import { PostEditingService } from './post-editing.service';
import { PostingService } from './posting.service';
import { ReactionsService } from './reactions.service';

const hiddenText = (post: ForumPost) => `Message masqué par la modération${post.hiddenReason ? ` : ${post.hiddenReason}` : '.'}`;

@Resolver(() => ForumPost)
export class PostsResolver {
  constructor(
    private readonly read: ForumReadService,
    private readonly posting: PostingService,
    private readonly editing: PostEditingService,
    private readonly reacting: ReactionsService,
    private readonly moderation: ModerationService,
  ) {}

  @Mutation(() => ForumPost, { description: 'Replies in a thread (FORBIDDEN when the thread is locked, except for moderators).' })
  @Allow('MEMBER')
  async reply(@Args() { threadId, body, quotePostId }: ReplyArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.posting.reply(user, Number(threadId), body, quotePostId ? Number(quotePostId) : null);
  }

  @Mutation(() => ForumPost, {
    description: 'Saves a new revision; CONFLICT when baseRevision is stale, with currentRevision and current { revision body author savedAt } in extensions.',
  })
  @Allow('MEMBER')
  async editPost(@Args() { id, baseRevision, body }: EditPostArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.editing.editPost(user, Number(id), baseRevision, body);
  }

  @Mutation(() => ForumPost, { description: 'Marks a post "utile". Idempotent (not a toggle): counted once however often it is sent.' })
  @Allow('MEMBER')
  async react(@Args() { postId }: PostIdArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.reacting.react(user, Number(postId));
  }

  @Mutation(() => ForumPost, { description: 'Withdraws the viewer\'s "utile" reaction (idempotent).' })
  @Allow('MEMBER')
  async unreact(@Args() { postId }: PostIdArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.reacting.unreact(user, Number(postId));
  }

  @Mutation(() => Boolean, { description: 'Reports a post to the moderators (one report per user and post).' })
  @Allow('MEMBER')
  async flagPost(@Args() { postId, reason }: FlagPostArgs, @CurrentUser() user: User): Promise<boolean> {
    return this.reacting.flag(user, Number(postId), reason);
  }

  @Mutation(() => ForumPost, { description: 'Moderators: hides a post; ordinary users see the reason instead of its content.' })
  @Allow('MODERATOR')
  async hidePost(@Args() { id, reason }: HidePostArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.moderation.hidePost(user, Number(id), reason);
  }

  @Mutation(() => ForumPost, { description: 'Moderators: shows a hidden post again.' })
  @Allow('MODERATOR')
  async unhidePost(@Args() { id }: IdArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.moderation.unhidePost(user, Number(id));
  }

  @Mutation(() => ForumPost, { description: "Moderators: closes a post's open flags without hiding it." })
  @Allow('MODERATOR')
  async dismissFlags(@Args() { postId }: PostIdArgs, @CurrentUser() user: User): Promise<ForumPost> {
    return this.moderation.dismissFlags(user, Number(postId));
  }

  @ResolveField(() => String, { description: 'Markdown; for a hidden post, the moderation notice (moderators see the original).' })
  async body(@Parent() post: ForumPost, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.showsContent(post, ctx)) ? post.body : hiddenText(post);
  }

  @ResolveField(() => String, { description: 'Sanitized HTML; for a hidden post, the moderation notice.' })
  async bodyHtml(@Parent() post: ForumPost, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.showsContent(post, ctx)) ? post.bodyHtml : `<p class="post-hidden"><em>${escapeHtml(hiddenText(post))}</em></p>`;
  }

  @ResolveField(() => String, { nullable: true, description: 'Why a moderator hid this post.' })
  hiddenReason(@Parent() post: ForumPost): string | null {
    return post.hidden ? post.hiddenReason : null;
  }

  @ResolveField(() => User, { nullable: true })
  author(@Parent() post: ForumPost, @Ctx() ctx: RequestContext): Promise<User | null> {
    return post.authorId ? this.read.user(ctx, post.authorId) : Promise.resolve(null);
  }

  @ResolveField(() => Int, { description: '"Utile" reactions, one per user.' })
  reactions(@Parent() post: ForumPost, @Ctx() ctx: RequestContext): Promise<number> {
    return this.read.reactionCount(ctx, post.id);
  }

  @ResolveField(() => Boolean, { description: 'The viewer marked this post "utile".' })
  async reactedByMe(@Parent() post: ForumPost, @CurrentUser({ optional: true }) user: User | null, @Ctx() ctx: RequestContext): Promise<boolean> {
    return user ? this.read.reactedBy(ctx, user.id, post.id) : false;
  }

  @ResolveField(() => ForumThread)
  thread(@Parent() post: ForumPost, @Ctx() ctx: RequestContext): Promise<ForumThread | null> {
    return this.read.threadById(ctx, post.threadId);
  }

  @ResolveField(() => ForumPost, { nullable: true, description: 'The post this one quotes (hidden the same way when hidden).' })
  quotedPost(@Parent() post: ForumPost, @Ctx() ctx: RequestContext): Promise<ForumPost | null> {
    return post.quotedPostId ? this.read.post(ctx, post.quotedPostId) : Promise.resolve(null);
  }

  @ResolveField(() => PostRevisionConnection, { description: 'Every version, newest first: for the author and moderators only (FORBIDDEN otherwise).' })
  async history(
    @Parent() post: ForumPost,
    @Args() args: PaginationArgs,
    @CurrentUser({ optional: true }) user: User | null,
  ): Promise<Connection<ForumPostRevision>> {
    const allowed = isModerator(user) || (!!user && user.id === post.authorId && !post.hidden);
    if (!allowed) throw forbidden('POST_HISTORY_RESTRICTED');
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.read.revisions(post.id, page);
    return toConnection(nodes, total, page);
  }

  private async showsContent(post: ForumPost, ctx: RequestContext): Promise<boolean> {
    return !post.hidden || isModerator((await ctx.auth()).user);
  }
}
