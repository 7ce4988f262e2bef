/** The contract's `ProjectStage` enum with French and English labels. */
export const PROJECT_STAGES = ['IDEA', 'STUDY', 'IN_PROGRESS', 'DEPLOYED', 'ABANDONED'] as const;

export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS_FR = {
  IDEA: 'Idée',
  STUDY: 'Étude',
  IN_PROGRESS: 'En cours',
  DEPLOYED: 'Déployé',
  ABANDONED: 'Abandonné',
} as const satisfies Record<ProjectStage, string>;

export const PROJECT_STAGE_LABELS_EN = {
  IDEA: 'Idea',
  STUDY: 'Study',
  IN_PROGRESS: 'In progress',
  DEPLOYED: 'Deployed',
  ABANDONED: 'Abandoned',
} as const satisfies Record<ProjectStage, string>;

export function isProjectStage(value: unknown): value is ProjectStage {
  return typeof value === 'string' && (PROJECT_STAGES as readonly string[]).includes(value);
}

/** The structured sections of a project sheet that help another collectivité replicate it. */
export const PROJECT_TEXT_SECTIONS = ['prerequisites', 'partners', 'duration', 'pitfalls', 'results', 'contact'] as const;
export type ProjectTextSection = (typeof PROJECT_TEXT_SECTIONS)[number];

export const PROJECT_SECTION_LABELS_FR = {
  prerequisites: 'Prérequis',
  partners: 'Partenaires',
  duration: 'Durée',
  pitfalls: 'Écueils à éviter',
  results: 'Résultats',
  contact: 'Contact',
} as const satisfies Record<ProjectTextSection, string>;

export const PROJECT_SECTION_LABELS_EN = {
  prerequisites: 'Prerequisites',
  partners: 'Partners',
  duration: 'Duration',
  pitfalls: 'Pitfalls',
  results: 'Results',
  contact: 'Contact',
} as const satisfies Record<ProjectTextSection, string>;

/** Budget divided by population, rounded to the cent; null when either is unknown. */
export function costPerInhabitant(budgetEuros: number | null | undefined, population: number | null | undefined): number | null {
  if (budgetEuros === null || budgetEuros === undefined || !population || population <= 0) return null;
  return Math.round((budgetEuros / population) * 100) / 100;
}

/** Target of a `[[Title]]` or `[[Title|label]]` wiki link, as written. */
export interface WikiLinkRef {
  target: string;
  label: string;
}
