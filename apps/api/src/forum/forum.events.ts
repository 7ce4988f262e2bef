import { DomainEvent } from '../events/domain-event';
import type { ChangesSearchDocuments, SearchDocumentRefs } from '../search/search-events';

/** Who did it: named in the notifications, and kept as their `actorId`. */
export interface ForumActor {
  id: number;
  displayName: string;
}

/** What the notifications about a new post say: who wrote it, where, and whom it mentions. */
export interface PostWritten {
  postId: number;
  author: ForumActor;
  threadTitle: string;
  /** Everyone the post's `@mentions` name (the author included, if they named themselves). */
  mentionedUserIds: readonly number[];
}

/** What a thread shows changed: its search document (title and visible posts) is read again. */
export abstract class ThreadContentChanged extends DomainEvent implements ChangesSearchDocuments {
  constructor(readonly threadId: number) {
    super();
  }

  searchDocuments(): SearchDocumentRefs {
    return { docType: 'THREAD', ids: [this.threadId] };
  }
}

/**
 * A thread was opened with its first post: by a member (`firstPost` set: the people it mentions and, for a
 * project's discussion, the project's followers are told), or by the demo seeder (nobody is told).
 */
export class ThreadStarted extends ThreadContentChanged {
  constructor(
    threadId: number,
    readonly firstPost: (PostWritten & { project: { id: number; title: string } | null }) | null = null,
  ) {
    super(threadId);
  }
}

/** A thread moved to another category. */
export class ThreadMoved extends ThreadContentChanged {}

/** A reply was posted (the people it mentions and the thread's followers are told). */
export class ReplyPosted extends ThreadContentChanged {
  constructor(
    threadId: number,
    readonly post: PostWritten,
  ) {
    super(threadId);
  }

  get postId(): number {
    return this.post.postId;
  }
}

/** A post's text was edited (a new post revision); people it now mentions for the first time are told. */
export class PostEdited extends ThreadContentChanged {
  constructor(
    threadId: number,
    readonly postId: number,
    readonly edit: {
      editor: ForumActor;
      postAuthorId: number | null;
      threadTitle: string;
      /** Named by this revision and not by the one it replaced. */
      addedMentionIds: readonly number[];
      /** A hidden post's new mentions tell nobody (they could not read it). */
      postHidden: boolean;
    },
  ) {
    super(threadId);
  }
}

/** A moderator hid a post or showed it again. */
export class PostVisibilityChanged extends ThreadContentChanged {
  constructor(
    threadId: number,
    readonly postId: number,
    readonly hidden: boolean,
  ) {
    super(threadId);
  }
}

/** A moderator hid a post: its author is told why (unless it was already hidden, or they hid it themselves). */
export class PostHidden extends PostVisibilityChanged {
  constructor(
    threadId: number,
    postId: number,
    readonly notice: { moderatorId: number; postAuthorId: number | null; wasHidden: boolean; threadTitle: string; reason: string },
  ) {
    super(threadId, postId, true);
  }
}

/** A thread's author (or a moderator) accepted a reply as the answer: the reply's author is told. */
export class AnswerAccepted extends DomainEvent {
  constructor(
    readonly threadId: number,
    readonly postId: number,
    readonly notice: { accepter: ForumActor; postAuthorId: number | null; threadTitle: string },
  ) {
    super();
  }
}
