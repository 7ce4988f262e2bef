import type { EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity';
import { AppError, conflict, forbidden, notFound } from '../common/errors';
import { ForumPost, ForumPostRevision } from './entities';

export const HIDDEN_POST_MESSAGE = 'Ce message a été masqué par la modération : il ne peut plus être modifié.';

/** The version saved meanwhile, as `extensions.current` of a CONFLICT on `editPost`. */
export interface CurrentPostVersion {
  revision: number;
  body: string;
  /** Who saved this revision (null when the account was deleted). */
  author: { id: string; displayName: string } | null;
  savedAt: string;
}

/**
 * Why an edit from `baseRevision` changed nothing, read after the conditional UPDATE missed.
 * Like the wiki's saveOnBase, a CONFLICT carries the current version, so nothing typed is
 * lost; a post hidden meanwhile is not shown to its (non-moderator) author, as for `history`.
 */
export async function editRefusal(m: EntityManager, postId: number, baseRevision: number, moderator: boolean): Promise<AppError> {
  const post = await m.getRepository(ForumPost).findOne({ where: { id: postId } });
  if (!post) return notFound('Message');
  if (post.hidden && !moderator) return forbidden(HIDDEN_POST_MESSAGE);
  const revision = await m.getRepository(ForumPostRevision).findOne({ where: { postId, number: post.revision } });
  const author = revision?.authorId ? await m.getRepository(User).findOne({ select: { id: true, displayName: true }, where: { id: revision.authorId } }) : null;
  const current: CurrentPostVersion = {
    revision: post.revision,
    body: post.body,
    author: author ? { id: String(author.id), displayName: author.displayName } : null,
    savedAt: (revision?.createdAt ?? post.editedAt ?? post.createdAt).toISOString(),
  };
  return conflict(
    `Ce message a été modifié entre-temps (révision ${post.revision}, vous partiez de la révision ${baseRevision}). Votre texte n'a été ni enregistré ni perdu : comparez-le avec la version actuelle avant d'enregistrer à nouveau.`,
    { currentRevision: post.revision, baseRevision, current },
  );
}
