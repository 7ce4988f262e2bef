import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { User } from '../accounts/user.entity';
import { forbidden, notFound } from '../common/errors';
import { renderMarkdown } from '../common/markdown';
import { DomainEvents } from '../events/domain-events.service';
import { PostEdited } from './forum.events';
import { saveAtRevision } from '../database/optimistic-lock';
import { postLock } from './edit-conflict';
import { ForumPost, ForumPostRevision, ForumThread, ModerationLogEntry } from './entities';
import { forumActor } from './forum-notifications';
import { isAuthorOrModerator, isModerator } from '../common/auth/policies';
import { MentionResolver } from './mention-resolver';
import { highlightMentions } from './mentions';
import { PostingLimits } from './posting-limits';

/** Edits of posts: each one a new revision, saved only from the revision it started from. */
@Injectable()
export class PostEditingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: PostingLimits,
    private readonly mentions: MentionResolver,
    private readonly events: DomainEvents,
  ) {}

  /** A new revision, only if nobody saved one since `baseRevision` (checked in the UPDATE itself). */
  async editPost(user: User, postId: number, baseRevision: number, body: string): Promise<ForumPost> {
    const post = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: postId } });
    if (!post) throw notFound('POST_NOT_FOUND');
    const thread = await this.dataSource.getRepository(ForumThread).findOneOrFail({ where: { id: post.threadId } });
    const moderator = isModerator(user);
    if (!isAuthorOrModerator(user, post.authorId)) throw forbidden('POST_EDITORS_ONLY');
    if (post.hidden && !moderator) throw forbidden('HIDDEN_POST');
    if (thread.locked && !moderator) throw forbidden('THREAD_LOCKED');
    await this.limits.checkLinks(this.dataSource.manager, user, body);
    const mentions = await this.mentions.resolve(body, thread.id);
    // `post.body` is the base revision's text whenever the UPDATE below succeeds: it only
    // succeeds if the revision read here is still `baseRevision` (revisions only grow).
    const added = await this.mentions.addedByEdit(post.body, mentions, thread.id);

    return this.dataSource.transaction(async (m) => {
      // A post hidden since it was read stays out of its author's reach (postLock).
      const values = { body, bodyHtml: renderMarkdown(highlightMentions(body, mentions.resolvedWords)), editedAt: new Date() };
      await saveAtRevision(m, ForumPost, post.id, baseRevision, values, postLock(moderator));

      await m.getRepository(ForumPostRevision).insert({ postId: post.id, number: baseRevision + 1, body, authorId: user.id });
      if (post.authorId !== user.id) {
        await m.getRepository(ModerationLogEntry).insert({ moderatorId: user.id, action: 'EDIT_POST', threadId: thread.id, postId: post.id, reason: null });
      }
      const saved = await m.getRepository(ForumPost).findOneOrFail({ where: { id: post.id } });
      await this.events.record(
        m,
        new PostEdited(thread.id, post.id, {
          editor: forumActor(user),
          postAuthorId: post.authorId,
          threadTitle: thread.title,
          addedMentionIds: added,
          postHidden: saved.hidden,
        }),
      );
      return saved;
    });
  }
}
