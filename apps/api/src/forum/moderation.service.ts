import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { notFound } from '../common/errors';
import { PageRequest } from '../common/pagination/connection';
import { DomainEvents } from '../events/domain-events.service';
import { PostHidden, PostVisibilityChanged, ThreadMoved } from './forum.events';
import { ForumCategory, ForumFlag, ForumPost, ForumThread, ModerationLogEntry } from './entities';

export type ModerationAction =
  'HIDE_POST' | 'UNHIDE_POST' | 'LOCK_THREAD' | 'UNLOCK_THREAD' | 'PIN_THREAD' | 'UNPIN_THREAD' | 'MOVE_THREAD' | 'DISMISS_FLAGS' | 'EDIT_POST';

/** Moderators' actions; each one writes a log entry in the same transaction. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async hidePost(moderator: User, postId: number, reason: string): Promise<ForumPost> {
    const post = await this.post(postId);
    const text = reason.trim();
    return this.dataSource.transaction(async (m) => {
      await m.getRepository(ForumPost).update({ id: post.id }, { hidden: true, hiddenReason: text });
      const thread = await m.getRepository(ForumThread).findOneOrFail({ where: { id: post.threadId } });
      if (!post.hidden && post.id !== thread.firstPostId) {
        await m
          .createQueryBuilder()
          .update(ForumThread)
          .set({ replyCount: () => '"replyCount" - 1' })
          .where('id = :id', { id: thread.id })
          .execute();
      }
      await m.getRepository(ForumFlag).update({ postId: post.id, status: 'OPEN' }, { status: 'ACTED' });
      await this.log(m, moderator, 'HIDE_POST', thread.id, post.id, text);
      const notice = { moderatorId: moderator.id, postAuthorId: post.authorId, wasHidden: post.hidden, threadTitle: thread.title, reason: text };
      await this.events.record(m, new PostHidden(thread.id, post.id, notice));
      return m.getRepository(ForumPost).findOneOrFail({ where: { id: post.id } });
    });
  }

  async unhidePost(moderator: User, postId: number): Promise<ForumPost> {
    const post = await this.post(postId);
    if (!post.hidden) return post;
    return this.dataSource.transaction(async (m) => {
      await m.getRepository(ForumPost).update({ id: post.id }, { hidden: false, hiddenReason: null });
      const thread = await m.getRepository(ForumThread).findOneOrFail({ where: { id: post.threadId } });
      if (post.id !== thread.firstPostId) {
        await m
          .createQueryBuilder()
          .update(ForumThread)
          .set({ replyCount: () => '"replyCount" + 1' })
          .where('id = :id', { id: thread.id })
          .execute();
      }
      await this.log(m, moderator, 'UNHIDE_POST', thread.id, post.id, null);
      await this.events.record(m, new PostVisibilityChanged(thread.id, post.id, false));
      return m.getRepository(ForumPost).findOneOrFail({ where: { id: post.id } });
    });
  }

  lockThread(moderator: User, threadId: number, locked: boolean): Promise<ForumThread> {
    return this.updateThread(moderator, threadId, { locked }, locked ? 'LOCK_THREAD' : 'UNLOCK_THREAD');
  }

  pinThread(moderator: User, threadId: number, pinned: boolean): Promise<ForumThread> {
    return this.updateThread(moderator, threadId, { pinned }, pinned ? 'PIN_THREAD' : 'UNPIN_THREAD');
  }

  async moveThread(moderator: User, threadId: number, categoryId: number): Promise<ForumThread> {
    const category = await this.dataSource.getRepository(ForumCategory).findOne({ where: { id: categoryId } });
    if (!category) throw notFound('CATEGORY_NOT_FOUND');
    return this.updateThread(moderator, threadId, { categoryId }, 'MOVE_THREAD', `→ ${category.name}`);
  }

  async dismissFlags(moderator: User, postId: number): Promise<ForumPost> {
    const post = await this.post(postId);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ForumFlag).update({ postId: post.id, status: 'OPEN' }, { status: 'DISMISSED' });
      await this.log(m, moderator, 'DISMISS_FLAGS', post.threadId, post.id, null);
    });
    return post;
  }

  flags(openOnly: boolean, page: PageRequest): Promise<[ForumFlag[], number]> {
    return this.dataSource.getRepository(ForumFlag).findAndCount({
      where: openOnly ? { status: 'OPEN' } : {},
      order: { id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  logEntries(threadId: number | null, page: PageRequest): Promise<[ModerationLogEntry[], number]> {
    return this.dataSource.getRepository(ModerationLogEntry).findAndCount({
      where: threadId ? { threadId } : {},
      order: { id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  private async updateThread(
    moderator: User,
    threadId: number,
    changes: Partial<ForumThread>,
    action: ModerationAction,
    reason: string | null = null,
  ): Promise<ForumThread> {
    const thread = await this.dataSource.getRepository(ForumThread).findOne({ where: { id: threadId } });
    if (!thread) throw notFound('THREAD_NOT_FOUND');
    return this.dataSource.transaction(async (m) => {
      await m.getRepository(ForumThread).update({ id: thread.id }, changes);
      await this.log(m, moderator, action, thread.id, null, reason);
      if (action === 'MOVE_THREAD') await this.events.record(m, new ThreadMoved(thread.id));
      return m.getRepository(ForumThread).findOneOrFail({ where: { id: thread.id } });
    });
  }

  private async post(postId: number): Promise<ForumPost> {
    const post = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: postId } });
    if (!post) throw notFound('POST_NOT_FOUND');
    return post;
  }

  private async log(
    m: EntityManager,
    moderator: User,
    action: ModerationAction,
    threadId: number | null,
    postId: number | null,
    reason: string | null,
  ): Promise<void> {
    await m.getRepository(ModerationLogEntry).insert({ moderatorId: moderator.id, action, threadId, postId, reason });
  }
}
