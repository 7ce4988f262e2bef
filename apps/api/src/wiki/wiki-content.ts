import { PROJECT_SECTION_LABELS_FR, PROJECT_STAGE_LABELS_FR, PROJECT_TEXT_SECTIONS, THEME_LABELS_FR } from '@essaim/domain';
import type { Page } from './page.entity';
import type { Project } from './project.entity';
import { normaliseSections, ProjectSections } from './project-sections';
import type { ProjectStage } from './project-stage.enum';
import type { Theme } from '../common/theme.enum';
import { sortThemes } from '../common/themes-column';
import { formatEuros, markdownToReadable } from './diff-text';

/** What a project revision snapshots: everything a user edits. */
export interface ProjectContent {
  title: string;
  summary: string;
  body: string;
  themes: Theme[];
  stage: ProjectStage;
  territoryCode: string;
  budgetEuros: number | null;
  sections: ProjectSections;
}

export interface PageContent {
  title: string;
  body: string;
  parentId: number | null;
}

export function projectContent(p: Pick<Project, keyof ProjectContent>): ProjectContent {
  return {
    title: p.title,
    summary: p.summary,
    body: p.body,
    themes: sortThemes(p.themes),
    stage: p.stage,
    territoryCode: p.territoryCode,
    budgetEuros: p.budgetEuros ?? null,
    sections: normaliseSections(p.sections),
  };
}

export function pageContent(p: Pick<Page, keyof PageContent>): PageContent {
  return { title: p.title, body: p.body, parentId: p.parentId ?? null };
}

export const sameContent = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The text compared by `diff`: the whole sheet as a reader sees it, with French labels, so
 * a change of stage, budget or section shows in the diff like a change of body. The body is
 * rendered to its words (no `##`, `---` or `**`), the territory named, amounts formatted.
 */
export function projectDiffText(c: ProjectContent, territoryName: string | null = null): string {
  const parts = [
    c.title,
    c.summary,
    markdownToReadable(c.body),
    `Thèmes : ${c.themes.map((t) => THEME_LABELS_FR[t]).join(', ')}`,
    `Étape : ${PROJECT_STAGE_LABELS_FR[c.stage]}`,
    `Territoire : ${territoryName ? `${territoryName} (${c.territoryCode})` : c.territoryCode}`,
    `Budget : ${c.budgetEuros === null ? 'non renseigné' : formatEuros(c.budgetEuros)}`,
  ];
  for (const key of PROJECT_TEXT_SECTIONS) {
    const value = c.sections[key];
    if (value) parts.push(`${PROJECT_SECTION_LABELS_FR[key]} :\n${value}`);
  }
  if (c.sections.vendors?.length) {
    const vendors = c.sections.vendors.map(
      (v) => `- ${v.name} (${v.openSource ? 'logiciel libre' : 'non libre'}${v.licence ? `, ${v.licence}` : ''})${v.role ? ` : ${v.role}` : ''}`,
    );
    parts.push(`Fournisseurs et logiciels :\n${vendors.join('\n')}`);
  }
  return parts.join('\n\n');
}

export function pageDiffText(c: PageContent): string {
  return `${c.title}\n\n${markdownToReadable(c.body)}`;
}
