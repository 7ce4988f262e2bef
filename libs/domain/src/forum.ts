import { THEMES, THEME_LABELS_EN, THEME_LABELS_FR, type Theme } from './themes';

/** A forum category: structure, created at start-up (idempotently) from this list. */
export interface ForumCategoryDefinition {
  slug: string;
  nameFr: string;
  nameEn: string;
  theme: Theme | null;
  position: number;
}

/** French slugs, stable: they appear in URLs (/forum/<slug>). */
const THEME_SLUGS = {
  EDUCATION: 'education',
  MOBILITY_TELEWORK: 'mobilite-teletravail',
  DATA_OPEN_DATA: 'donnees-open-data',
  DIGITAL_INCLUSION: 'inclusion-numerique',
  RISK_PREVENTION_SECURITY: 'prevention-risques-securite',
  DIGITAL_IDENTITY: 'identite-numerique',
  ONLINE_SERVICES: 'demarches-en-ligne',
  HEALTH_TELEMEDICINE: 'sante-telemedecine',
  AGRICULTURE: 'agriculture',
  TOURISM_CULTURE: 'tourisme-culture',
  ECONOMIC_ATTRACTIVENESS: 'attractivite-economique',
  INFRASTRUCTURE_BROADBAND: 'infrastructures-tres-haut-debit',
  PROCUREMENT_OPEN_SOURCE: 'achats-logiciels-libres',
  GOVERNANCE: 'gouvernance',
} as const satisfies Record<Theme, string>;

export const FORUM_CATEGORIES: ForumCategoryDefinition[] = [
  { slug: 'general', nameFr: 'Général', nameEn: 'General', theme: null, position: 0 },
  { slug: 'entraide', nameFr: 'Entraide', nameEn: 'Mutual help', theme: null, position: 1 },
  ...THEMES.map((theme, i) => ({ slug: THEME_SLUGS[theme], nameFr: THEME_LABELS_FR[theme], nameEn: THEME_LABELS_EN[theme], theme, position: 10 + i })),
];

export function forumCategoryForTheme(theme: Theme): ForumCategoryDefinition {
  return FORUM_CATEGORIES.find((c) => c.theme === theme)!;
}

/** Orders of a thread list. Pinned threads always come first. */
export const THREAD_SORTS = ['LATEST', 'TOP', 'UNANSWERED'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/**
 * New accounts (younger than NEW_ACCOUNT_DAYS and with fewer than NEW_ACCOUNT_POSTS visible
 * posts) may not post links and post more slowly. Moderators and admins are never limited.
 */
export const FORUM_LIMITS = {
  newAccountDays: 2,
  newAccountPosts: 5,
  newAccountPostsPerWindow: 3,
  newAccountWindowMinutes: 10,
  postsPerMinute: 10,
  maxPostLength: 20_000,
  maxTitleLength: 200,
  minTitleLength: 5,
  maxMentionsPerPost: 10,
} as const;

/** Does this Markdown contain a link (a URL, a www. address, a Markdown link or an HTML anchor)? */
export function containsLink(markdown: string): boolean {
  return /(https?:\/\/|www\.|\]\(|<a\s|mailto:|\b[a-z0-9-]+\.(fr|com|org|net|eu|io|gouv|info)\b)/i.test(markdown);
}
