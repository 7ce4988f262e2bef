import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import type { RevisionLock } from '../../database/optimistic-lock';
import type { DomainEvent } from '../../events/domain-event';
import type { RevisionTargetType } from '../wiki-revision.entity';

/** The columns every revisioned document (wiki page, project sheet) has. */
export interface RevisionedRow extends ObjectLiteral {
  id: number;
  revision: number;
  titleKey: string;
}

/** What a revision snapshots: at least a title (the link key) and a Markdown body (the links). */
export interface RevisionedContent {
  title: string;
  body: string;
}

/** A new revision written by an editor (an edit or a restore), as the kind's event may announce it. */
export interface SavedRevision {
  editor: User;
  base: number;
  revision: number;
  /** The old revision a restore brought back. */
  restored: number | null;
}

/**
 * One kind of revisioned document: what the store needs to know to create, save, restore and
 * moderate it. Pages and sheets each declare one (`page.document.ts`, `project.document.ts`).
 */
export interface DocumentKind<E extends RevisionedRow, C extends RevisionedContent> {
  entity: new () => E;
  revisionType: RevisionTargetType;
  /** How SlugTaken names it. */
  slugLabel: 'page' | 'fiche';
  notFound: 'PAGE_NOT_FOUND' | 'PROJECT_SHEET_NOT_FOUND';
  /** Refusal to hide the only visible revision. */
  onlyRevision: 'ONLY_PAGE_REVISION' | 'ONLY_SHEET_REVISION';
  lock: RevisionLock<E>;
  /** The editable content of the current row, as a revision snapshots it. */
  content(row: E): C;
  /** A refusal checked before a save changes the title (e.g. another page has it). */
  checkTitle?(manager: EntityManager, row: E, content: C, titleKey: string): Promise<void>;
  /** The text two revisions are compared on. */
  diffText(content: C, manager: EntityManager): string | Promise<string>;
  /** The event a write records: `revision` is set for an announced edit or restore, null otherwise. */
  saved(id: number, revision: SavedRevision | null): DomainEvent;
  /** The event recorded when moderation hides a revision, if the kind reacts to it. */
  revisionHidden?(id: number, revision: { number: number; authorId: number | null }): DomainEvent;
}
