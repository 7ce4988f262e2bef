import { errorMessage, sayError, type ErrorMessage } from './errors/message';
import { populationBand, POPULATION_BANDS } from './territories';

/** The contract's `BlockerCategory` enum with French labels and the resources/political split. */
export const BLOCKER_CATEGORIES = [
  'POLITICAL_BACKING',
  'FUNDING',
  'SKILLS_STAFF',
  'VENDOR_DEPENDENCY',
  'PUBLIC_PROCUREMENT',
  'INFRASTRUCTURE',
  'DATA_PRIVACY_SECURITY',
  'ACCULTURATION',
  'DIGITAL_DIVIDE',
  'GOVERNANCE',
  'LEGAL',
] as const;

export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];

export const BLOCKER_CATEGORY_LABELS_FR = {
  POLITICAL_BACKING: 'Portage politique',
  FUNDING: 'Financement',
  SKILLS_STAFF: 'Compétences et RH (pas de développeurs en interne)',
  VENDOR_DEPENDENCY: 'Dépendance aux prestataires et logiciels propriétaires',
  PUBLIC_PROCUREMENT: 'Commande publique',
  INFRASTRUCTURE: 'Infrastructure et connectivité',
  DATA_PRIVACY_SECURITY: 'Données, RGPD et sécurité',
  ACCULTURATION: 'Acculturation des agents et élus',
  DIGITAL_DIVIDE: 'Fracture numérique des usagers',
  GOVERNANCE: 'Gouvernance',
  LEGAL: 'Juridique',
} as const satisfies Record<BlockerCategory, string>;

export const BLOCKER_CATEGORY_LABELS_EN = {
  POLITICAL_BACKING: 'Political backing',
  FUNDING: 'Funding',
  SKILLS_STAFF: 'Skills and staff (no in-house developers)',
  VENDOR_DEPENDENCY: 'Dependency on vendors and proprietary software',
  PUBLIC_PROCUREMENT: 'Public procurement',
  INFRASTRUCTURE: 'Infrastructure and connectivity',
  DATA_PRIVACY_SECURITY: 'Data, GDPR and security',
  ACCULTURATION: 'Staff and elected officials’ digital culture',
  DIGITAL_DIVIDE: 'Users’ digital divide',
  GOVERNANCE: 'Governance',
  LEGAL: 'Legal',
} as const satisfies Record<BlockerCategory, string>;

/** The seminar asked to tell a lack of political backing from a lack of resources. */
export const RESOURCE_CATEGORIES: readonly BlockerCategory[] = ['FUNDING', 'SKILLS_STAFF'];
export const POLITICAL_CATEGORIES: readonly BlockerCategory[] = ['POLITICAL_BACKING'];

export const BLOCKER_SEVERITIES = ['BLOCKING', 'HINDERING'] as const;
export type BlockerSeverity = (typeof BLOCKER_SEVERITIES)[number];

export const BLOCKER_SEVERITY_LABELS_FR = {
  BLOCKING: 'Bloquant',
  HINDERING: 'Gênant',
} as const satisfies Record<BlockerSeverity, string>;

export const BLOCKER_SEVERITY_LABELS_EN = {
  BLOCKING: 'Blocking',
  HINDERING: 'Hindering',
} as const satisfies Record<BlockerSeverity, string>;

export const BLOCKER_STATUSES = ['OPEN', 'IN_PROGRESS', 'LIFTED', 'WORKED_AROUND', 'ABANDONED'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
export const RESOLVED_STATUSES: readonly BlockerStatus[] = ['LIFTED', 'WORKED_AROUND'];
/** Statuses in which a blocker still holds the project back (and makes it `isBlocked` when BLOCKING). */
export const ACTIVE_STATUSES: readonly BlockerStatus[] = ['OPEN', 'IN_PROGRESS'];

export const BLOCKER_STATUS_LABELS_FR = {
  OPEN: 'Ouvert',
  IN_PROGRESS: 'En cours de traitement',
  LIFTED: 'Levé',
  WORKED_AROUND: 'Contourné',
  ABANDONED: 'Abandonné',
} as const satisfies Record<BlockerStatus, string>;

export const BLOCKER_STATUS_LABELS_EN = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  LIFTED: 'Lifted',
  WORKED_AROUND: 'Worked around',
  ABANDONED: 'Abandoned',
} as const satisfies Record<BlockerStatus, string>;

export const isActiveStatus = (status: BlockerStatus) => ACTIVE_STATUSES.includes(status);
export const isResolvedStatus = (status: BlockerStatus) => RESOLVED_STATUSES.includes(status);
/** LIFTED and WORKED_AROUND must say how. */
export const requiresResolution = isResolvedStatus;

/**
 * Allowed status changes. Work starts or stalls (OPEN ⇄ IN_PROGRESS); an active blocker is
 * closed as lifted, worked around or abandoned; a closed blocker can only be reopened (back
 * to OPEN, when it comes back), except that a workaround may later become a real lift.
 */
export const BLOCKER_TRANSITIONS: Record<BlockerStatus, readonly BlockerStatus[]> = {
  OPEN: ['IN_PROGRESS', 'LIFTED', 'WORKED_AROUND', 'ABANDONED'],
  IN_PROGRESS: ['OPEN', 'LIFTED', 'WORKED_AROUND', 'ABANDONED'],
  LIFTED: ['OPEN'],
  WORKED_AROUND: ['OPEN', 'LIFTED'],
  ABANDONED: ['OPEN'],
};

export function canTransition(from: BlockerStatus, to: BlockerStatus): boolean {
  return BLOCKER_TRANSITIONS[from].includes(to);
}

/** Why a status change is refused (reason and parameters), or null when it is allowed. */
export function transitionProblem(from: BlockerStatus, to: BlockerStatus): ErrorMessage | null {
  const label = (status: BlockerStatus) => ({ fr: BLOCKER_STATUS_LABELS_FR[status], en: BLOCKER_STATUS_LABELS_EN[status] });
  if (from === to) return errorMessage('BLOCKER_STATUS_UNCHANGED', { status: label(to) });
  if (canTransition(from, to)) return null;
  const allowed = {
    fr: BLOCKER_TRANSITIONS[from].map((s) => `« ${BLOCKER_STATUS_LABELS_FR[s]} »`).join(', '),
    en: BLOCKER_TRANSITIONS[from].map((s) => `"${BLOCKER_STATUS_LABELS_EN[s]}"`).join(', '),
  };
  return errorMessage('BLOCKER_TRANSITION_REFUSED', { from: label(from), to: label(to), allowed });
}

/** French explanation of why a status change is refused, or null when it is allowed. */
export function transitionError(from: BlockerStatus, to: BlockerStatus): string | null {
  const problem = transitionProblem(from, to);
  return problem && sayError(problem, 'fr');
}

export const DAY_MS = 86_400_000;

/** Whole and fractional days between two instants (for "median days to lift"). */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** Calendar month key in UTC, e.g. "2024-05". */
export function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Every month key from `from` to `to` inclusive (UTC), oldest first. */
export function monthRange(from: Date, to: Date): string[] {
  const months: string[] = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  const endY = to.getUTCFullYear();
  const endM = to.getUTCMonth();
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return months;
}

/**
 * Ranking of "who lifted it" suggestions (documented in docs/blockers.md):
 *   score = 3 × themeOverlap + 2 × sizeSimilarity + 1 × recency
 * - themeOverlap: share of the open blocker's project themes that the candidate's project
 *   also has (0..1; 0 when the open project has no theme);
 * - sizeSimilarity: 1 − |band(a) − band(b)| / 7 over the 8 INSEE population bands (0 when a
 *   population is unknown);
 * - recency: 0.5 ^ (days since the candidate was resolved / 365), a one-year half-life.
 * Ties: most recently resolved first, then lowest id.
 */
export const SUGGESTION_WEIGHTS = { theme: 3, size: 2, recency: 1 } as const;
export const SUGGESTION_RECENCY_HALF_LIFE_DAYS = 365;

export interface SuggestionSubject {
  themes: readonly string[];
  population: number | null;
}

export interface SuggestionCandidate extends SuggestionSubject {
  id: number;
  resolvedAt: Date;
}

export function themeOverlap(subject: readonly string[], candidate: readonly string[]): number {
  if (subject.length === 0) return 0;
  const other = new Set(candidate);
  return subject.filter((t) => other.has(t)).length / subject.length;
}

export function sizeSimilarity(a: number | null, b: number | null): number {
  if (a == null || b == null) return 0;
  const index = (p: number) => POPULATION_BANDS.indexOf(populationBand(p));
  return 1 - Math.abs(index(a) - index(b)) / (POPULATION_BANDS.length - 1);
}

export function recency(resolvedAt: Date, now: Date): number {
  const days = Math.max(0, daysBetween(resolvedAt, now));
  return Math.pow(0.5, days / SUGGESTION_RECENCY_HALF_LIFE_DAYS);
}

export function suggestionScore(subject: SuggestionSubject, candidate: SuggestionCandidate, now: Date): number {
  return (
    SUGGESTION_WEIGHTS.theme * themeOverlap(subject.themes, candidate.themes) +
    SUGGESTION_WEIGHTS.size * sizeSimilarity(subject.population, candidate.population) +
    SUGGESTION_WEIGHTS.recency * recency(candidate.resolvedAt, now)
  );
}

/** Candidates best first, with their scores. */
export function rankSuggestions<C extends SuggestionCandidate>(
  subject: SuggestionSubject,
  candidates: readonly C[],
  now: Date,
): { candidate: C; score: number }[] {
  return candidates
    .map((candidate) => ({ candidate, score: suggestionScore(subject, candidate, now) }))
    .sort((a, b) => b.score - a.score || b.candidate.resolvedAt.getTime() - a.candidate.resolvedAt.getTime() || a.candidate.id - b.candidate.id);
}
