import { INDICATOR_CATALOGUE, MATURITY_MAX, THEMES, type Theme } from '@essaim/domain';

/**
 * Generator of the demo figures: plausible, deterministic, NOT real statistics (every row
 * carries DEMO_INDICATOR_SOURCE). Each territory gets a hidden "digital dynamism" between 0 and
 * 1 drawn from a PRNG seeded by its code; every indicator derives from it, from the population
 * and from the year (things improve a little every year), plus noise. Territories that have a
 * demo project sheet on a theme are pushed up on that theme, so the "ce qu'ont fait les mieux
 * classés" links tell a coherent story. About 6 % of figures are left out on purpose: real
 * collections have holes, and the comparison must rank around them.
 */

export interface DemoTerritory {
  code: string;
  population: number | null;
}

export interface DemoFigure {
  indicatorCode: string;
  territoryCode: string;
  year: number;
  rawValue: number;
}

export interface DemoMaturity {
  territoryCode: string;
  theme: Theme;
  year: number;
  score: number;
  justification: string;
}

export const DEMO_YEARS = [2022, 2023, 2024] as const;
const MISSING_SHARE = 0.06;

/** mulberry32: tiny, fast, good enough for demo data, and identical on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to seed one PRNG per territory (and indicator). */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round = (v: number, decimals = 0) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Hidden dynamism of a territory in [0, 1], optionally pushed up on some themes. */
function dynamism(code: string, theme: Theme | null, boosts: ReadonlyMap<string, ReadonlySet<Theme>>): number {
  const base = prng(hash(code))();
  const boosted = theme !== null && boosts.get(code)?.has(theme);
  return boosted ? 0.8 + base * 0.2 : base * 0.85;
}

type Generator = (ctx: { d: number; population: number; size: number; step: number; noise: () => number }) => number;

/** One formula per built-in indicator (raw values: totals for per-inhabitant indicators). */
const FORMULAS: Record<string, Generator> = {
  FIBRE_RACCORDABLE: ({ d, size, step, noise }) => round(clamp(48 + 30 * d + 4 * (size - 3) + step * (4 + 3 * noise()), 5, 100), 1),
  SANS_BON_HAUT_DEBIT: ({ d, size, step, noise }) => round(clamp(14 - 9 * d - 2 * (size - 3) - step * 1.5 + 3 * noise(), 0, 40), 1),
  DEMARCHES_EN_LIGNE: ({ d, size, step, noise }) => Math.round(clamp(2 + 22 * d * (size / 4.5) + step * (1 + 3 * d) + 3 * noise(), 0, 80)),
  FRANCECONNECT: ({ d, size, step }) => (d * 0.7 + (size - 3) * 0.12 + step * 0.1 > 0.55 ? 1 : 0),
  LIEUX_MEDIATION: ({ d, population, step, noise }) => Math.max(0, Math.round((population / 10_000) * (0.6 + 2.4 * d) + step * 0.3 + noise() - 0.3)),
  JEUX_DONNEES_OUVERTS: ({ d, size, step, noise }) => Math.max(0, Math.round(d * d * 12 * Math.max(size - 2.5, 0.2) * (1 + step * 0.35) + 2 * noise() - 1)),
  BUDGET_NUMERIQUE_HAB: ({ d, population, step, noise }) => Math.round(((9 + 38 * d + step * 2 + 6 * noise()) * population) / 100) * 100,
  ECOLES_EQUIPEES: ({ d, step, noise }) => round(clamp(28 + 55 * d + step * 6 + 8 * noise(), 0, 100), 1),
  TIERS_LIEUX: ({ d, population, step, noise }) => Math.max(0, Math.round((population / 30_000) * (0.4 + 1.6 * d) + step * 0.2 + noise() - 0.4)),
  PART_LOGICIELS_LIBRES: ({ d, step, noise }) => round(clamp(4 + 45 * d ** 1.4 + step * 2.5 + 5 * noise(), 0, 100), 1),
  LIEUX_FRANCE_SERVICES: ({ d, population, noise }) => Math.max(0, Math.round((population / 25_000) * (0.5 + d) + noise() - 0.5)),
  LIEUX_CONSEILLERS_NUMERIQUES: ({ d, population, step, noise }) =>
    Math.max(0, Math.round((population / 15_000) * (0.4 + 1.4 * d) + step * 0.2 + noise() - 0.4)),
};

export function generateDemoFigures(territories: DemoTerritory[], boosts: ReadonlyMap<string, ReadonlySet<Theme>> = new Map()): DemoFigure[] {
  const figures: DemoFigure[] = [];
  for (const territory of territories) {
    const population = territory.population ?? 0;
    if (population <= 0) continue;
    const size = Math.log10(population);
    for (const indicator of INDICATOR_CATALOGUE) {
      const formula = FORMULAS[indicator.code];
      if (!formula) continue;
      const d = dynamism(territory.code, indicator.theme, boosts);
      const random = prng(hash(`${territory.code}|${indicator.code}`));
      DEMO_YEARS.forEach((year, step) => {
        const missing = random() < MISSING_SHARE;
        const rawValue = formula({ d, population, size, step, noise: random });
        if (!missing) figures.push({ indicatorCode: indicator.code, territoryCode: territory.code, year, rawValue });
      });
    }
  }
  return figures;
}

const JUSTIFICATIONS = [
  'Aucune action engagée à ce jour sur ce thème.',
  'Premières réflexions en cours, sans budget identifié.',
  'Un projet pilote est lancé, avec des moyens encore limités.',
  'Plusieurs actions en place ; il manque une stratégie d’ensemble.',
  'Stratégie adoptée et actions suivies avec des indicateurs.',
  'Démarche exemplaire, partagée et reprise par d’autres collectivités.',
] as const;

/** A self-assessment per theme for the latest demo year, consistent with the same hidden dynamism. */
export function generateDemoMaturity(territories: DemoTerritory[], boosts: ReadonlyMap<string, ReadonlySet<Theme>> = new Map()): DemoMaturity[] {
  const year = DEMO_YEARS[DEMO_YEARS.length - 1];
  const rows: DemoMaturity[] = [];
  for (const territory of territories) {
    const random = prng(hash(`${territory.code}|maturity`));
    for (const theme of THEMES) {
      const d = dynamism(territory.code, theme, boosts);
      const score = clamp(Math.round(d * MATURITY_MAX + (random() - 0.5) * 1.6), 0, MATURITY_MAX);
      rows.push({ territoryCode: territory.code, theme, year, score, justification: `${JUSTIFICATIONS[score]} (données de démonstration)` });
    }
  }
  return rows;
}
