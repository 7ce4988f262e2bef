import { Injectable } from '@nestjs/common';
import { slugify } from '@essaim/domain';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import { badInput, notFound } from '../../common/errors';
import { saveAtRevision } from '../../database/optimistic-lock';
import { isUniqueViolation } from '../../database/unique-violation';
import { DomainEvents } from '../../events/domain-events.service';
import type { RevisionDiff } from '../revision-diff';
import { RevisionsService } from '../revisions.service';
import { SlugTaken } from '../slug-taken';
import { WikiLinksService } from '../wiki-links.service';
import { sameContent } from '../wiki-content';
import type { DocumentKind, RevisionedContent, RevisionedRow } from './revisioned-document';

/** A save from the revision its editor started from. */
export interface DocumentSave<C> {
  id: number;
  base: number;
  content: C;
  comment: string | null;
  /** Set for an edit or a restore the kind's event announces (not for seeded or moderation saves). */
  announce?: { editor: User; restored: number | null };
}

/**
 * The lifecycle shared by wiki pages and project sheets: revision 1 at creation, each save a
 * new revision through the optimistic lock, restores, and moderation hiding a revision (the
 * content falls back to the latest visible one). Every write records the revision, rewrites
 * the outgoing wiki links and records the kind's event, inside the caller's transaction.
 */
@Injectable()
export class RevisionedDocumentStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revisions: RevisionsService,
    private readonly links: WikiLinksService,
    private readonly events: DomainEvents,
  ) {}

  /** Inserts the document at revision 1; `columns` are the kind's own (slug, draft, demo…). */
  async create<E extends RevisionedRow, C extends RevisionedContent>(
    manager: EntityManager,
    kind: DocumentKind<E, C>,
    author: User | null,
    content: C,
    columns: Partial<E> & { slug: string },
    comment: string | null | undefined,
  ): Promise<E> {
    const repo = manager.getRepository(kind.entity);
    const values = { ...content, ...columns, titleKey: slugify(content.title, 100), revision: 1, createdById: author?.id ?? null, updatedAt: new Date() };
    const saved = await repo.save(repo.create(values as unknown as DeepPartial<E>)).catch((error: unknown) => {
      throw isUniqueViolation(error, 'slug') ? new SlugTaken(kind.slugLabel, content.title, columns.slug) : error;
    });
    await this.revisions.record(manager, kind.revisionType, saved.id, 1, author, comment, content);
    await this.links.saveLinks(manager, kind.revisionType, saved.id, content.body);
    await this.events.record(manager, kind.saved(saved.id, null));
    return saved;
  }

  /**
   * Saves `content` as revision base+1 only if the document is still at `base`: the conditional
   * UPDATE is the lock, so of two saves from the same base exactly one wins and the other gets
   * CONFLICT with the current content (the client keeps the user's text). Saving the current
   * content again changes nothing and records nothing.
   */
  async save<E extends RevisionedRow, C extends RevisionedContent>(
    manager: EntityManager,
    kind: DocumentKind<E, C>,
    author: User | null,
    save: DocumentSave<C>,
  ): Promise<E> {
    const { id, base, content } = save;
    const repo = manager.getRepository(kind.entity);
    const current = await repo.findOneBy({ id } as never);
    if (!current) throw notFound(kind.notFound);
    if (current.revision === base && sameContent(kind.content(current), content)) return current;
    const titleKey = slugify(content.title, 100);
    if (titleKey !== current.titleKey) await kind.checkTitle?.(manager, current, content, titleKey);
    await saveAtRevision(manager, kind.entity, id, base, { ...content, titleKey, updatedAt: new Date() }, kind.lock);
    await this.revisions.record(manager, kind.revisionType, id, base + 1, author, save.comment, content);
    await this.links.saveLinks(manager, kind.revisionType, id, content.body);
    const announced = save.announce ? { ...save.announce, base, revision: base + 1 } : null;
    await this.events.record(manager, kind.saved(id, announced));
    return repo.findOneByOrFail({ id } as never);
  }

  /** Saves revision `number`'s content as a new revision; `check` may refuse it first (hidden revisions are refused to non-moderators). */
  async restore<E extends RevisionedRow, C extends RevisionedContent>(
    kind: DocumentKind<E, C>,
    editor: User,
    document: E,
    number: number,
    check?: (content: C) => void,
  ): Promise<E> {
    const content = await this.revisions.content<C>(editor, kind.revisionType, document.id, number);
    check?.(content);
    return this.dataSource.transaction((m) =>
      this.save(m, kind, editor, {
        id: document.id,
        base: document.revision,
        content,
        comment: `Restauration de la révision ${number}`,
        announce: { editor, restored: number },
      }),
    );
  }

  /** Hides or shows a revision; hiding the current one moves the content back to the latest visible revision. */
  async setRevisionHidden<E extends RevisionedRow, C extends RevisionedContent>(
    kind: DocumentKind<E, C>,
    moderator: User,
    document: E,
    number: number,
    hidden: boolean,
    reason: string,
  ): Promise<E> {
    return this.dataSource.transaction(async (m) => {
      const revision = await this.revisions.find(kind.revisionType, document.id, number, m);
      if (!revision) throw notFound('REVISION_NOT_FOUND', { number });
      await this.revisions.setHidden(m, revision, hidden, reason, moderator);
      if (hidden && kind.revisionHidden) await this.events.record(m, kind.revisionHidden(document.id, revision));
      const current = await m.getRepository(kind.entity).findOneByOrFail({ id: document.id } as never);
      if (hidden && current.revision === number) {
        const fallback = await this.revisions.latestVisible(m, kind.revisionType, document.id, number);
        if (!fallback) throw badInput(kind.onlyRevision);
        return this.save(m, kind, moderator, {
          id: document.id,
          base: number,
          content: JSON.parse(fallback.snapshot) as C,
          comment: `Retour à la révision ${fallback.number} (révision ${number} masquée par la modération)`,
        });
      }
      await this.events.record(m, kind.saved(document.id, null));
      return current;
    });
  }

  diff<E extends RevisionedRow, C extends RevisionedContent>(
    kind: DocumentKind<E, C>,
    viewer: User | null,
    document: E,
    from: number,
    to: number,
  ): Promise<RevisionDiff> {
    return this.revisions.diff<C>(viewer, kind.revisionType, document.id, from, to, (c) => kind.diffText(c, this.dataSource.manager));
  }
}
