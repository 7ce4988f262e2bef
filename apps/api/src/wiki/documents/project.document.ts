import { Territory } from '../../territories/territory.entity';
import { Project } from '../project.entity';
import { ProjectContent, projectContent, projectDiffText } from '../wiki-content';
import { ProjectRevised, ProjectRevisionHidden, ProjectSaved } from '../wiki.events';
import type { DocumentKind } from './revisioned-document';

/** Project sheets in the revisioned-document store: edits and restores are announced to followers (ProjectRevised). */
export const PROJECT_DOCUMENT: DocumentKind<Project, ProjectContent> = {
  entity: Project,
  revisionType: 'PROJECT',
  slugLabel: 'fiche',
  notFound: 'PROJECT_SHEET_NOT_FOUND',
  onlyRevision: 'ONLY_SHEET_REVISION',
  lock: { conflict: 'SHEET_REVISION_CONFLICT', current: (latest) => projectContent(latest) },
  content: projectContent,
  async diffText(content, manager) {
    const territory = await manager.getRepository(Territory).findOne({ select: { code: true, name: true }, where: { code: content.territoryCode } });
    return projectDiffText(content, territory?.name ?? null);
  },
  saved: (id, revision) =>
    revision
      ? new ProjectRevised(id, { id: revision.editor.id, displayName: revision.editor.displayName }, revision.base, revision.revision, revision.restored)
      : new ProjectSaved(id),
  revisionHidden: (id, revision) => new ProjectRevisionHidden(id, revision.number, revision.authorId),
};
