import { errorMessage, sayError, type ErrorMessage } from './errors/message';
import { median } from './stats';
import type { Theme } from './themes';

/** How a territory is compared: the contract's `PeerGroup` enum. */
export const PEER_GROUPS = ['SAME_EPCI', 'POPULATION_BAND', 'CUSTOM'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export const PEER_GROUP_LABELS_FR = {
  SAME_EPCI: 'Communes du même EPCI',
  POPULATION_BAND: 'Même strate de population',
  CUSTOM: 'Liste personnalisée',
} as const satisfies Record<PeerGroup, string>;

export const PEER_GROUP_LABELS_EN = {
  SAME_EPCI: 'Communes of the same EPCI',
  POPULATION_BAND: 'Same population band',
  CUSTOM: 'Custom list',
} as const satisfies Record<PeerGroup, string>;

/** Marks every generated demo value, so nobody mistakes it for a real statistic. */
export const DEMO_INDICATOR_SOURCE = 'Données de démonstration — générées';

/** Maturity self-assessment scale (per theme, yearly). */
export const MATURITY_MIN = 0;
export const MATURITY_MAX = 5;

export interface IndicatorDefinition {
  code: string;
  name: string;
  /** Unit of the compared value (after division by the population for per-inhabitant indicators). */
  unit: string;
  description: string;
  higherIsBetter: boolean;
  theme: Theme | null;
  source: string | null;
  /**
   * Null: the value is compared as entered. N: the entered value is a total (in `inputUnit`)
   * and the compared value is total / official population × N (1 = per inhabitant).
   */
  perInhabitants: number | null;
  /** Unit of what is typed or imported; differs from `unit` for per-inhabitant indicators. */
  inputUnit: string;
  minValue: number | null;
  maxValue: number | null;
}

/** The indicators the seminar pointed to; admins may add more. */
export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = [
  {
    code: 'FIBRE_RACCORDABLE',
    name: 'Locaux raccordables à la fibre',
    unit: '%',
    inputUnit: '%',
    description: 'Part des locaux (logements et entreprises) raccordables à un réseau en fibre optique jusqu’à l’abonné (FttH).',
    higherIsBetter: true,
    theme: 'INFRASTRUCTURE_BROADBAND',
    source: 'Arcep — Ma connexion internet',
    perInhabitants: null,
    minValue: 0,
    maxValue: 100,
  },
  {
    code: 'SANS_BON_HAUT_DEBIT',
    name: 'Locaux sans bon haut débit',
    unit: '%',
    inputUnit: '%',
    description: 'Part des locaux sans accès à un débit descendant d’au moins 8 Mbit/s, toutes technologies filaires confondues. Plus c’est bas, mieux c’est.',
    higherIsBetter: false,
    theme: 'INFRASTRUCTURE_BROADBAND',
    source: 'Arcep — Ma connexion internet',
    perInhabitants: null,
    minValue: 0,
    maxValue: 100,
  },
  {
    code: 'DEMARCHES_EN_LIGNE',
    name: 'Démarches proposées en ligne',
    unit: 'démarches',
    inputUnit: 'démarches',
    description: 'Nombre de démarches que les habitants peuvent accomplir entièrement en ligne (état civil, inscriptions scolaires, cantine, urbanisme…).',
    higherIsBetter: true,
    theme: 'ONLINE_SERVICES',
    source: 'Déclaration de la collectivité',
    perInhabitants: null,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'FRANCECONNECT',
    name: 'FranceConnect disponible',
    unit: 'oui (1) / non (0)',
    inputUnit: 'oui (1) / non (0)',
    description: 'Les démarches en ligne de la collectivité acceptent l’identification par FranceConnect.',
    higherIsBetter: true,
    theme: 'DIGITAL_IDENTITY',
    source: 'Déclaration de la collectivité',
    perInhabitants: null,
    minValue: 0,
    maxValue: 1,
  },
  {
    code: 'LIEUX_MEDIATION',
    name: 'Lieux de médiation numérique',
    unit: 'pour 10 000 hab.',
    inputUnit: 'lieux',
    description: 'Lieux offrant un accompagnement au numérique (conseillers numériques, espaces publics numériques), rapportés à la population.',
    higherIsBetter: true,
    theme: 'DIGITAL_INCLUSION',
    source: 'Cartographie nationale des lieux d’inclusion numérique',
    perInhabitants: 10_000,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'JEUX_DONNEES_OUVERTS',
    name: 'Jeux de données ouverts publiés',
    unit: 'jeux de données',
    inputUnit: 'jeux de données',
    description: 'Nombre de jeux de données publiés en open data par la collectivité.',
    higherIsBetter: true,
    theme: 'DATA_OPEN_DATA',
    source: 'data.gouv.fr',
    perInhabitants: null,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'BUDGET_NUMERIQUE_HAB',
    name: 'Budget numérique par habitant',
    unit: '€/hab.',
    inputUnit: '€',
    description:
      'Dépenses consacrées au numérique (fonctionnement et investissement) divisées par la population municipale officielle. Saisir le total en euros.',
    higherIsBetter: true,
    theme: 'GOVERNANCE',
    source: 'Compte administratif',
    perInhabitants: 1,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'ECOLES_EQUIPEES',
    name: 'Écoles dotées d’équipement numérique',
    unit: '%',
    inputUnit: '%',
    description: 'Part des écoles disposant d’un socle numérique de base (vidéoprojection, connexion, terminaux mobiles).',
    higherIsBetter: true,
    theme: 'EDUCATION',
    source: 'Déclaration de la collectivité',
    perInhabitants: null,
    minValue: 0,
    maxValue: 100,
  },
  {
    code: 'TIERS_LIEUX',
    name: 'Tiers-lieux et espaces de coworking',
    unit: 'lieux',
    inputUnit: 'lieux',
    description: 'Nombre de tiers-lieux, espaces de coworking et de télétravail ouverts sur le territoire.',
    higherIsBetter: true,
    theme: 'MOBILITY_TELEWORK',
    source: 'France Tiers-Lieux',
    perInhabitants: null,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'PART_LOGICIELS_LIBRES',
    name: 'Part des logiciels libres',
    unit: '%',
    inputUnit: '%',
    description: 'Part des logiciels métier et bureautiques utilisés par la collectivité qui sont des logiciels libres.',
    higherIsBetter: true,
    theme: 'PROCUREMENT_OPEN_SOURCE',
    source: 'Inventaire du système d’information',
    perInhabitants: null,
    minValue: 0,
    maxValue: 100,
  },
  {
    code: 'LIEUX_FRANCE_SERVICES',
    name: 'Lieux France Services',
    unit: 'pour 10 000 hab.',
    inputUnit: 'lieux',
    description: 'Lieux labellisés France Services (accompagnement aux démarches administratives), rapportés à la population.',
    higherIsBetter: true,
    theme: 'DIGITAL_INCLUSION',
    source: 'Cartographie nationale des lieux d’inclusion numérique',
    perInhabitants: 10_000,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'LIEUX_CONSEILLERS_NUMERIQUES',
    name: 'Lieux avec conseillers numériques',
    unit: 'pour 10 000 hab.',
    inputUnit: 'lieux',
    description: 'Lieux où exerce au moins un conseiller numérique (dispositif national), rapportés à la population.',
    higherIsBetter: true,
    theme: 'DIGITAL_INCLUSION',
    source: 'Cartographie nationale des lieux d’inclusion numérique',
    perInhabitants: 10_000,
    minValue: 0,
    maxValue: null,
  },
];

/**
 * Themes whose project sheets can move an indicator: "what better-ranked peers did" only shows
 * sheets on these themes. Indicators not listed (admins' additions) use their own theme.
 */
export const INDICATOR_RELATED_THEMES: Readonly<Record<string, readonly Theme[]>> = {
  FIBRE_RACCORDABLE: ['INFRASTRUCTURE_BROADBAND'],
  SANS_BON_HAUT_DEBIT: ['INFRASTRUCTURE_BROADBAND'],
  DEMARCHES_EN_LIGNE: ['ONLINE_SERVICES', 'DIGITAL_IDENTITY'],
  FRANCECONNECT: ['DIGITAL_IDENTITY', 'ONLINE_SERVICES'],
  LIEUX_MEDIATION: ['DIGITAL_INCLUSION'],
  LIEUX_FRANCE_SERVICES: ['DIGITAL_INCLUSION', 'ONLINE_SERVICES'],
  LIEUX_CONSEILLERS_NUMERIQUES: ['DIGITAL_INCLUSION'],
  JEUX_DONNEES_OUVERTS: ['DATA_OPEN_DATA'],
  BUDGET_NUMERIQUE_HAB: ['GOVERNANCE', 'PROCUREMENT_OPEN_SOURCE'],
  ECOLES_EQUIPEES: ['EDUCATION'],
  TIERS_LIEUX: ['MOBILITY_TELEWORK', 'ECONOMIC_ATTRACTIVENESS'],
  PART_LOGICIELS_LIBRES: ['PROCUREMENT_OPEN_SOURCE'],
};

export function relatedThemes(indicator: { code: string; theme: Theme | null }): Theme[] {
  const listed = INDICATOR_RELATED_THEMES[indicator.code];
  if (listed) return [...listed];
  return indicator.theme ? [indicator.theme] : [];
}

/** Figures are for past or current years only: a value for next year is a typo that would become everyone's default year. */
export const MIN_FIGURE_YEAR = 2000;
export function maxFigureYear(now: Date = new Date()): number {
  return now.getFullYear();
}
export function figureYearProblem(year: number, now: Date = new Date()): ErrorMessage<'FIGURE_YEAR_OUT_OF_RANGE'> | null {
  if (!Number.isInteger(year) || year < MIN_FIGURE_YEAR || year > maxFigureYear(now)) {
    return errorMessage('FIGURE_YEAR_OUT_OF_RANGE', { min: MIN_FIGURE_YEAR, max: maxFigureYear(now) });
  }
  return null;
}
/** The French sentence of figureYearProblem. */
export function figureYearError(year: number, now: Date = new Date()): string | null {
  const problem = figureYearProblem(year, now);
  return problem && sayError(problem, 'fr');
}

/** Where peers of the same population band are looked for. */
export const PEER_SCOPES = ['DEPARTEMENT', 'REGION', 'FRANCE'] as const;
export type PeerScope = (typeof PEER_SCOPES)[number];
/** Under this many peers a comparison is flagged as fragile (and the automatic scope widens). */
export const MIN_PEERS = 5;

/** English names and units of the catalogue's indicators (the API's names are French; added indicators stay as named). */
export const INDICATOR_LABELS_EN: Readonly<Record<string, { name: string; unit: string }>> = {
  FIBRE_RACCORDABLE: { name: 'Premises that can connect to fibre', unit: '%' },
  SANS_BON_HAUT_DEBIT: { name: 'Premises without good broadband', unit: '%' },
  DEMARCHES_EN_LIGNE: { name: 'Procedures offered online', unit: 'procedures' },
  FRANCECONNECT: { name: 'FranceConnect available', unit: 'yes (1) / no (0)' },
  LIEUX_MEDIATION: { name: 'Digital mediation places', unit: 'per 10,000 inhabitants' },
  JEUX_DONNEES_OUVERTS: { name: 'Open datasets published', unit: 'datasets' },
  BUDGET_NUMERIQUE_HAB: { name: 'Digital budget per inhabitant', unit: '€/inhabitant' },
  ECOLES_EQUIPEES: { name: 'Schools with digital equipment', unit: '%' },
  TIERS_LIEUX: { name: 'Third places and coworking spaces', unit: 'places' },
  PART_LOGICIELS_LIBRES: { name: 'Share of free software', unit: '%' },
  LIEUX_FRANCE_SERVICES: { name: 'France Services places', unit: 'per 10,000 inhabitants' },
  LIEUX_CONSEILLERS_NUMERIQUES: { name: 'Places with digital advisers', unit: 'per 10,000 inhabitants' },
};

/** An indicator's name and unit in the interface language; French (as stored) unless an English label exists. */
export function indicatorLabel(indicator: { code: string; name: string; unit: string }, lang: string): { name: string; unit: string } {
  const english = lang === 'en' ? INDICATOR_LABELS_EN[indicator.code] : undefined;
  return english ?? { name: indicator.name, unit: indicator.unit };
}

/** The compared value: per-inhabitant indicators divide the entered total by the population. */
export function derivedValue(rawValue: number, perInhabitants: number | null, population: number | null): number | null {
  if (perInhabitants === null) return rawValue;
  if (!population || population <= 0) return null;
  return (rawValue / population) * perInhabitants;
}

/** True when `a` is strictly better than `b` for this indicator's direction. */
export function isBetter(a: number, b: number, higherIsBetter: boolean): boolean {
  return higherIsBetter ? a > b : a < b;
}

export interface RankedEntry<K> {
  key: K;
  value: number;
  rank: number;
}

/**
 * Standard competition ranking ("1224"): equal values share the best rank, the next one skips.
 * Entries without a value are left out (they are not last, they are unknown).
 */
export function rankEntries<K>(entries: readonly { key: K; value: number | null }[], higherIsBetter: boolean): RankedEntry<K>[] {
  const known = entries.filter((e): e is { key: K; value: number } => e.value !== null && Number.isFinite(e.value));
  const sorted = [...known].sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value));
  const ranked: RankedEntry<K>[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.value === entry.value ? previous.rank : i + 1;
    ranked.push({ key: entry.key, value: entry.value, rank });
  });
  return ranked;
}

export interface PeerComparison<K> {
  /** The subject's value, or null when it has none. */
  value: number | null;
  /** Rank among the subject and its peers that have a value; null when the subject has none. */
  rank: number | null;
  /** How many of the subject and its peers have a value (the subject counts only when it has one). */
  outOf: number;
  /** Median of the peers' values (the subject excluded); null when no peer has one. */
  peerMedian: number | null;
  /** The best peer (ties: the first key in `peers` order), with its value. */
  best: { key: K; value: number } | null;
  /** value − peerMedian: positive means above the median, whatever the direction. */
  gap: number | null;
  /** True when the subject does worse than the peer median (respecting the direction). */
  lagging: boolean;
  /** Peers doing strictly better than the subject (all peers with a value when the subject has none). */
  betterPeers: K[];
  /** Every peer with a value and its rank in the same ranking as the subject. */
  ranking: RankedEntry<K>[];
}

/** Rank, median, best peer and gap of one indicator for a subject among its peers. */
export function compareWithPeers<K>(
  subject: { key: K; value: number | null },
  peers: readonly { key: K; value: number | null }[],
  higherIsBetter: boolean,
): PeerComparison<K> {
  const ranking = rankEntries([subject, ...peers], higherIsBetter);
  const own = subject.value === null ? undefined : ranking.find((r) => r.key === subject.key);
  const peerValues = peers.filter((p): p is { key: K; value: number } => p.value !== null && Number.isFinite(p.value));
  const peerMedian = median(peerValues.map((p) => p.value));
  let best: { key: K; value: number } | null = null;
  for (const peer of peerValues) if (!best || isBetter(peer.value, best.value, higherIsBetter)) best = peer;
  const value = own ? own.value : null;
  return {
    value,
    rank: own ? own.rank : null,
    outOf: ranking.length,
    peerMedian,
    best: best ? { key: best.key, value: best.value } : null,
    gap: value !== null && peerMedian !== null ? value - peerMedian : null,
    lagging: value !== null && peerMedian !== null && isBetter(peerMedian, value, higherIsBetter),
    betterPeers: peerValues.filter((p) => value === null || isBetter(p.value, value, higherIsBetter)).map((p) => p.key),
    ranking: ranking.filter((r) => r.key !== subject.key),
  };
}

/** The latest year present in a list of years, or null. */
export function latestYear(years: Iterable<number>): number | null {
  let latest: number | null = null;
  for (const year of years) if (latest === null || year > latest) latest = year;
  return latest;
}

/** Indicator codes: upper-case letters, digits and underscores. */
export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
