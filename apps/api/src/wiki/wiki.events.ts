import type { User } from '../accounts/user.entity';
import { DomainEvent } from '../events/domain-event';
import type { ChangesSearchDocuments, SearchDocumentRefs } from '../search/search-events';

/** A wiki page was created, edited, restored or moved to another revision by moderation. */
export class PageSaved extends DomainEvent implements ChangesSearchDocuments {
  constructor(readonly pageId: number) {
    super();
  }

  searchDocuments(): SearchDocumentRefs {
    return { docType: 'PAGE', ids: [this.pageId] };
  }
}

/** A project sheet was created, edited, restored, published or moved to another revision by moderation. */
export class ProjectSaved extends DomainEvent implements ChangesSearchDocuments {
  constructor(readonly projectId: number) {
    super();
  }

  searchDocuments(): SearchDocumentRefs {
    return { docType: 'PROJECT', ids: [this.projectId] };
  }
}

/** An editor saved a new revision of a sheet (an edit, or a restore of `restored`): its followers hear of it. */
export class ProjectRevised extends ProjectSaved {
  constructor(
    projectId: number,
    readonly editor: Pick<User, 'id' | 'displayName'>,
    /** The revision the save started from, and the new one. */
    readonly base: number,
    readonly revision: number,
    readonly restored: number | null,
  ) {
    super(projectId);
  }
}

/** A replication of sheet `sourceId` was published (sheet `projectId`, the copy): the source's followers hear of it. */
export class ProjectReplicated extends ProjectSaved {
  constructor(
    projectId: number,
    readonly sourceId: number,
    readonly publisher: Pick<User, 'id' | 'displayName'>,
  ) {
    super(projectId);
  }
}

/** Moderation hid revision `number` of a sheet: the unread notices announcing it are withdrawn. */
export class ProjectRevisionHidden extends DomainEvent {
  constructor(
    readonly projectId: number,
    readonly number: number,
    readonly authorId: number | null,
  ) {
    super();
  }
}
