import type { Territory } from '../territories/territory.entity';
import type { Project } from './project.entity';
import { ProjectContent, projectContent } from './wiki-content';

/** The marker a replicating agent looks for (and removes) before publishing. */
export const TO_ADAPT = 'À adapter';

/**
 * The first content of a replication: what another collectivité can reuse (title, themes,
 * prerequisites, partners, vendors, duration, pitfalls) is kept; what describes the source's
 * territory is cleared (contact, results, budget, stage back to IDEA) or marked « À adapter »
 * (summary and narrative, which the adopting agent rewrites). The source stays linked through
 * `replicatedFromId`.
 */
export function replicationDraft(source: Project, sourceTerritoryName: string, territory: Pick<Territory, 'code' | 'name'>): ProjectContent {
  const original = projectContent(source);
  const summaryMark = `[${TO_ADAPT}] `;
  return {
    ...original,
    territoryCode: territory.code,
    stage: 'IDEA',
    budgetEuros: null,
    summary: original.summary.startsWith(summaryMark) ? original.summary : `${summaryMark}${original.summary}`.slice(0, 1000),
    body: `> **${TO_ADAPT}** : le texte ci-dessous décrit le projet mené à ${sourceTerritoryName}. Réécrivez-le pour ${territory.name} (contexte, chiffres, calendrier) avant de publier la fiche.\n\n${original.body}`,
    sections: { ...original.sections, contact: null, results: null },
  };
}
