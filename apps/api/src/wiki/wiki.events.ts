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
