import type { EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { forbidden, notFound } from '../common/errors';
import type { RevisionLock } from '../database/optimistic-lock';
import { ForumPost, ForumPostRevision } from './entities';

/** The version saved meanwhile, as `extensions.current` of a CONFLICT on `editPost`. */
export interface CurrentPostVersion {
  revision: number;
  body: string;
  /** Who saved this revision (null when the account was deleted). */
  author: { id: string; displayName: string } | null;
  savedAt: string;
}

/**
 * The optimistic lock of a post edit. Like pages and sheets, a CONFLICT carries the current
 * version, so nothing typed is lost; a post hidden meanwhile is neither updated for nor shown
 * to its (non-moderator) author, as for `history`.
 */
export function postLock(moderator: boolean): RevisionLock<ForumPost> {
  return {
    conflict: 'POST_REVISION_CONFLICT',
    current: currentPostVersion,
    andWhere: moderator ? undefined : 'NOT "hidden"',
    refuse: (post) => {
      if (!post) return notFound('POST_NOT_FOUND');
      if (post.hidden && !moderator) return forbidden('HIDDEN_POST');
      return null;
    },
  };
}

async function currentPostVersion(post: ForumPost, m: EntityManager): Promise<CurrentPostVersion> {
  const revision = await m.getRepository(ForumPostRevision).findOne({ where: { postId: post.id, number: post.revision } });
  const author = revision?.authorId ? await m.getRepository(User).findOne({ select: { id: true, displayName: true }, where: { id: revision.authorId } }) : null;
  return {
    revision: post.revision,
    body: post.body,
    author: author ? { id: String(author.id), displayName: author.displayName } : null,
    savedAt: (revision?.createdAt ?? post.editedAt ?? post.createdAt).toISOString(),
  };
}
