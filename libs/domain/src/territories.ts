/** INSEE population strata used to pick peers of a similar size. */
export const POPULATION_BANDS = [
  { min: 0, max: 499, label: 'moins de 500 habitants', labelEn: 'fewer than 500 inhabitants' },
  { min: 500, max: 1999, label: '500 à 1 999 habitants', labelEn: '500 to 1,999 inhabitants' },
  { min: 2000, max: 3499, label: '2 000 à 3 499 habitants', labelEn: '2,000 to 3,499 inhabitants' },
  { min: 3500, max: 9999, label: '3 500 à 9 999 habitants', labelEn: '3,500 to 9,999 inhabitants' },
  { min: 10000, max: 19999, label: '10 000 à 19 999 habitants', labelEn: '10,000 to 19,999 inhabitants' },
  { min: 20000, max: 49999, label: '20 000 à 49 999 habitants', labelEn: '20,000 to 49,999 inhabitants' },
  { min: 50000, max: 99999, label: '50 000 à 99 999 habitants', labelEn: '50,000 to 99,999 inhabitants' },
  { min: 100000, max: Number.MAX_SAFE_INTEGER, label: '100 000 habitants et plus', labelEn: '100,000 inhabitants or more' },
] as const;

export type PopulationBand = (typeof POPULATION_BANDS)[number];

export function populationBand(population: number): PopulationBand {
  return POPULATION_BANDS.find((band) => population >= band.min && population <= band.max) ?? POPULATION_BANDS[0];
}

/** The Essonne, default département of the UI. */
export const DEFAULT_DEPARTEMENT = '91';

/** Lower-case, accent-free form used for accent-insensitive name search ("Évry" -> "evry"). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Human-readable, stable URL slug: "Télémédecine à Étampes" -> "telemedecine-a-etampes". */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldForSearch(text).replace(/ /g, '-');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'sans-titre';
}
