import { conflict } from '../../common/errors';
import { Page } from '../page.entity';
import { PageContent, pageContent, pageDiffText } from '../wiki-content';
import { PageSaved } from '../wiki.events';
import type { DocumentKind } from './revisioned-document';

/** Wiki pages in the revisioned-document store: a renamed page must not take another page's title. */
export const PAGE_DOCUMENT: DocumentKind<Page, PageContent> = {
  entity: Page,
  revisionType: 'PAGE',
  slugLabel: 'page',
  notFound: 'PAGE_NOT_FOUND',
  onlyRevision: 'ONLY_PAGE_REVISION',
  lock: { conflict: 'PAGE_REVISION_CONFLICT', current: (latest) => pageContent(latest) },
  content: pageContent,
  async checkTitle(manager, page, _content, titleKey) {
    const clash = await manager.getRepository(Page).findOne({ where: [{ slug: titleKey }, { titleKey }] });
    if (clash && clash.id !== page.id) throw conflict('PAGE_TITLE_TAKEN_BY_OTHER', { title: clash.title }, { slug: clash.slug });
  },
  diffText: pageDiffText,
  saved: (id) => new PageSaved(id),
};
