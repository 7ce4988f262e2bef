import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainEvents } from '../events/domain-events.service';
import { FollowTargetType } from '../notifications/follow-target';
import { Notification } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { AnswerAccepted, PostEdited, PostHidden, PostWritten, ReplyPosted, ThreadStarted } from './forum.events';
import { forumNotifications, threadUrl } from './forum-notifications';

/**
 * In the transaction of the forum's writes: the people a post mentions, the followers of the thread (or of the
 * project whose discussion opens), the author of an accepted answer or of a hidden post are notified. Someone
 * mentioned is not told again as a follower; nobody is told of their own doing.
 */
@Injectable()
export class ForumNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onRecorded(ThreadStarted, (m, e) => this.threadStarted(m, e));
    this.events.onRecorded(ReplyPosted, (m, e) => this.replyPosted(m, e));
    this.events.onRecorded(PostEdited, (m, e) => this.postEdited(m, e));
    this.events.onRecorded(PostHidden, (m, e) => this.postHidden(m, e));
    this.events.onRecorded(AnswerAccepted, (m, e) => this.answerAccepted(m, e));
  }

  private async threadStarted(m: EntityManager, { threadId, firstPost }: ThreadStarted): Promise<void> {
    if (!firstPost) return;
    const mentioned = await this.mention(m, threadId, firstPost);
    const { author, project } = firstPost;
    if (!project) return;
    await this.notifications.notifyFollowers(
      m,
      { targetType: FollowTargetType.PROJECT, targetId: project.id },
      forumNotifications.projectDiscussion(author, project.title, threadId),
      [author.id, ...mentioned],
    );
  }

  private async replyPosted(m: EntityManager, { threadId, post }: ReplyPosted): Promise<void> {
    const mentioned = await this.mention(m, threadId, post);
    await this.notifications.notifyFollowers(
      m,
      { targetType: FollowTargetType.THREAD, targetId: threadId },
      forumNotifications.reply(post.author, post.threadTitle, threadId, post.postId),
      [post.author.id, ...mentioned],
    );
  }

  /** Returns the ids told, so that they are not told again as followers. */
  private mention(m: EntityManager, threadId: number, { postId, author, threadTitle, mentionedUserIds }: PostWritten): Promise<number[]> {
    return this.notifications.notifyUsers(
      m,
      mentionedUserIds.filter((id) => id !== author.id),
      forumNotifications.mention(author, threadTitle, threadId, postId),
    );
  }

  /** Like at publication: nobody is told about a post they could not read, nor twice about the same post. */
  private async postEdited(m: EntityManager, { threadId, postId, edit }: PostEdited): Promise<void> {
    if (edit.postHidden) return;
    const candidates = edit.addedMentionIds.filter((id) => id !== edit.editor.id && id !== edit.postAuthorId);
    const fresh = await this.notYetMentioned(m, candidates, threadUrl(threadId, postId));
    await this.notifications.notifyUsers(m, fresh, forumNotifications.mention(edit.editor, edit.threadTitle, threadId, postId));
  }

  /** Drops users who already got a MENTION for this post (a mention removed then put back pings once). */
  private async notYetMentioned(m: EntityManager, userIds: number[], url: string): Promise<number[]> {
    if (!userIds.length) return [];
    const told = await m.getRepository(Notification).find({ select: { userId: true }, where: { userId: In(userIds), kind: 'MENTION', url } });
    const toldIds = new Set(told.map((n) => n.userId));
    return userIds.filter((id) => !toldIds.has(id));
  }

  private async postHidden(m: EntityManager, { threadId, postId, notice }: PostHidden): Promise<void> {
    if (!notice.postAuthorId || notice.postAuthorId === notice.moderatorId || notice.wasHidden) return;
    await this.notifications.notifyUsers(m, [notice.postAuthorId], forumNotifications.hidden(notice.threadTitle, threadId, postId, notice.reason));
  }

  private async answerAccepted(m: EntityManager, { threadId, postId, notice }: AnswerAccepted): Promise<void> {
    if (!notice.postAuthorId || notice.postAuthorId === notice.accepter.id) return;
    await this.notifications.notifyUsers(m, [notice.postAuthorId], forumNotifications.accepted(notice.accepter, notice.threadTitle, threadId, postId));
  }
}
