import { DomainEvent } from '../events/domain-event';
import type { ChangesSearchDocuments, SearchDocumentRefs } from '../search/search-events';

/** What a thread shows changed: its search document (title and visible posts) is read again. */
export abstract class ThreadContentChanged extends DomainEvent implements ChangesSearchDocuments {
  constructor(readonly threadId: number) {
    super();
  }

  searchDocuments(): SearchDocumentRefs {
    return { docType: 'THREAD', ids: [this.threadId] };
  }
}

/** A thread was opened with its first post (by a member, or by the demo seeder). */
export class ThreadStarted extends ThreadContentChanged {}

/** A thread moved to another category. */
export class ThreadMoved extends ThreadContentChanged {}

/** A reply was posted. */
export class ReplyPosted extends ThreadContentChanged {
  constructor(
    threadId: number,
    readonly postId: number,
  ) {
    super(threadId);
  }
}

/** A post's text was edited (a new post revision). */
export class PostEdited extends ThreadContentChanged {
  constructor(
    threadId: number,
    readonly postId: number,
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
