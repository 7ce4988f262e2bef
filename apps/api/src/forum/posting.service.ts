import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { renderMarkdown } from '../common/markdown';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { DomainEvents } from '../events/domain-events.service';
import { AnswerAccepted, ReplyPosted, ThreadStarted } from './forum.events';
import { forumActor as actor } from './forum-notifications';
import { Project } from '../wiki/project.entity';
import { ThreadInput } from './dto/thread.input';
import { ForumCategory, ForumPost, ForumPostRevision, ForumThread, ForumThreadRead } from './entities';
import { isAuthorOrModerator, isModerator } from '../common/auth/policies';
import { MentionResolver } from './mention-resolver';
import { highlightMentions } from './mentions';
import { PostingLimits } from './posting-limits';

/** Writing to the forum: threads, replies, accepted answers, read markers (edits: PostEditingService). */
@Injectable()
export class PostingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: PostingLimits,
    private readonly mentions: MentionResolver,
    private readonly follows: NotificationsService,
    private readonly events: DomainEvents,
  ) {}

  async createThread(user: User, input: ThreadInput): Promise<ForumThread> {
    const category = await this.dataSource.getRepository(ForumCategory).findOne({ where: { id: Number(input.categoryId) } });
    if (!category) throw notFound('CATEGORY_NOT_FOUND');
    const projectId = input.projectId ? Number(input.projectId) : null;
    let project: Project | null = null;
    if (projectId !== null) {
      project = await this.dataSource.getRepository(Project).findOne({ where: { id: projectId } });
      if (!project) throw notFound('PROJECT_NOT_FOUND');
      await this.assertNoDiscussion(projectId);
    }
    await this.limits.checkNewPost(this.dataSource.manager, user, input.body);
    const mentions = await this.mentions.resolve(input.body, null);

    try {
      return await this.dataSource.transaction(async (m) => {
        const now = new Date();
        const thread = await m.getRepository(ForumThread).save(
          m.getRepository(ForumThread).create({
            categoryId: category.id,
            title: input.title.trim(),
            authorId: user.id,
            projectId,
            isQuestion: input.isQuestion ?? false,
            lastActivityAt: now,
          }),
        );
        const post = await this.insertPost(m, thread.id, user, input.body, mentions.resolvedWords, null);
        await m.getRepository(ForumThread).update({ id: thread.id }, { firstPostId: post.id, lastPostId: post.id });
        thread.firstPostId = post.id;
        thread.lastPostId = post.id;
        await this.follows.follow(m, user.id, FollowTargetType.THREAD, thread.id);
        await this.markRead(m, user.id, thread.id, post.id);
        const firstPost = { postId: post.id, author: actor(user), threadTitle: thread.title, mentionedUserIds: mentions.userIds };
        await this.events.record(m, new ThreadStarted(thread.id, { ...firstPost, project: project && { id: project.id, title: project.title } }));
        return thread;
      });
    } catch (error) {
      // Two first messages on the same project at once: the unique key on projectId lets one win.
      if (projectId !== null) await this.assertNoDiscussion(projectId);
      throw error;
    }
  }

  async reply(user: User, threadId: number, body: string, quotePostId: number | null): Promise<ForumPost> {
    const thread = await this.dataSource.getRepository(ForumThread).findOne({ where: { id: threadId } });
    if (!thread) throw notFound('THREAD_NOT_FOUND');
    const moderator = isModerator(user);
    if (thread.locked && !moderator) throw forbidden('THREAD_LOCKED');
    if (quotePostId !== null) {
      const quoted = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: quotePostId } });
      if (!quoted || quoted.threadId !== thread.id) throw badInput('QUOTE_OUTSIDE_THREAD', {}, { field: 'quotePostId' });
      if (quoted.hidden) throw badInput('QUOTE_OF_HIDDEN_POST', {}, { field: 'quotePostId' });
    }
    await this.limits.checkNewPost(this.dataSource.manager, user, body);
    const mentions = await this.mentions.resolve(body, thread.id);

    return this.dataSource.transaction(async (m) => {
      const post = await this.insertPost(m, thread.id, user, body, mentions.resolvedWords, quotePostId);
      // Conditional and atomic: a thread locked meanwhile refuses the reply (the transaction rolls back).
      const qb = m
        .createQueryBuilder()
        .update(ForumThread)
        .set({
          replyCount: () => '"replyCount" + 1',
          lastActivityAt: new Date(),
          lastPostId: () => `CASE WHEN "lastPostId" IS NULL OR "lastPostId" < ${post.id} THEN ${post.id} ELSE "lastPostId" END`,
        })
        .where('id = :id', { id: thread.id });
      if (!moderator) qb.andWhere('NOT "locked"');
      const updated = await qb.execute();
      if (!updated.affected) throw forbidden('THREAD_LOCKED');

      await this.follows.follow(m, user.id, FollowTargetType.THREAD, thread.id);
      await this.markRead(m, user.id, thread.id, post.id);
      await this.events.record(
        m,
        new ReplyPosted(thread.id, { postId: post.id, author: actor(user), threadTitle: thread.title, mentionedUserIds: mentions.userIds }),
      );
      return post;
    });
  }

  async acceptAnswer(user: User, postId: number): Promise<ForumThread> {
    const post = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: postId } });
    if (!post) throw notFound('POST_NOT_FOUND');
    const thread = await this.dataSource.getRepository(ForumThread).findOneOrFail({ where: { id: post.threadId } });
    const moderator = isModerator(user);
    if (!isAuthorOrModerator(user, thread.authorId)) throw forbidden('ACCEPTERS_ONLY');
    if (thread.locked && !moderator) throw forbidden('THREAD_LOCKED');
    if (post.id === thread.firstPostId) throw badInput('FIRST_POST_AS_ANSWER', {}, { field: 'postId' });
    if (post.hidden) throw badInput('HIDDEN_POST_AS_ANSWER', {}, { field: 'postId' });
    if (thread.acceptedPostId === post.id) return thread;

    return this.dataSource.transaction(async (m) => {
      await m.getRepository(ForumThread).update({ id: thread.id }, { acceptedPostId: post.id, isQuestion: true });
      await this.events.record(m, new AnswerAccepted(thread.id, post.id, { accepter: actor(user), postAuthorId: post.authorId, threadTitle: thread.title }));
      return m.getRepository(ForumThread).findOneOrFail({ where: { id: thread.id } });
    });
  }

  /** Moves the user's unread marker to the thread's last post (never backwards). */
  async markThreadRead(user: User, threadId: number): Promise<ForumThread> {
    const thread = await this.dataSource.getRepository(ForumThread).findOne({ where: { id: threadId } });
    if (!thread) throw notFound('THREAD_NOT_FOUND');
    if (thread.lastPostId) await this.markRead(this.dataSource.manager, user.id, thread.id, thread.lastPostId);
    return thread;
  }

  private async markRead(m: EntityManager, userId: number, threadId: number, postId: number): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(ForumThreadRead)
      .values({ userId, threadId, lastReadPostId: postId })
      .orUpdate(['lastReadPostId'], ['userId', 'threadId'])
      .execute();
  }

  private async insertPost(m: EntityManager, threadId: number, user: User, body: string, words: Set<string>, quotedPostId: number | null): Promise<ForumPost> {
    const post = await m.getRepository(ForumPost).save(
      m.getRepository(ForumPost).create({
        threadId,
        authorId: user.id,
        body,
        bodyHtml: renderMarkdown(highlightMentions(body, words)),
        quotedPostId,
        revision: 1,
      }),
    );
    await m.getRepository(ForumPostRevision).insert({ postId: post.id, number: 1, body, authorId: user.id });
    return post;
  }

  private async assertNoDiscussion(projectId: number): Promise<void> {
    const existing = await this.dataSource.getRepository(ForumThread).findOne({ where: { projectId } });
    if (existing) {
      throw conflict('PROJECT_THREAD_EXISTS', {}, { threadId: String(existing.id) });
    }
  }
}
