import { THEMES } from '@essaim/domain';

export const SEARCH_TYPES = ['PROJECT', 'PAGE', 'THREAD', 'STAKE', 'TERRITORY'] as const;
export type SearchTypeName = (typeof SEARCH_TYPES)[number];
export type ThemeName = (typeof THEMES)[number];
export const PAGE_SIZE = 20;

export interface SearchFilters {
  q: string;
  types: SearchTypeName[];
  themes: ThemeName[];
  territoryCode: string | null;
  offset: number;
}

/** Reads the /recherche query string; unknown values are ignored rather than failing the page. */
export function parseFilters(params: URLSearchParams): SearchFilters {
  const types = params.getAll('type').filter((t): t is SearchTypeName => (SEARCH_TYPES as readonly string[]).includes(t));
  const themes = params.getAll('theme').filter((t): t is ThemeName => (THEMES as readonly string[]).includes(t));
  const territory = (params.get('territoire') ?? '').trim().toUpperCase();
  const offset = Math.min(1000, Math.max(0, Math.floor(Number(params.get('debut') ?? 0)) || 0));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    types: [...new Set(types)],
    themes: [...new Set(themes)],
    territoryCode: /^[0-9A-Z]{2,12}$/.test(territory) ? territory : null,
    offset: offset - (offset % PAGE_SIZE),
  };
}

/** The /recherche URL for some filters (facet links, pager). */
export function searchHref(f: SearchFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  for (const t of f.types) p.append('type', t);
  for (const t of f.themes) p.append('theme', t);
  if (f.territoryCode) p.set('territoire', f.territoryCode);
  if (f.offset) p.set('debut', String(f.offset));
  const query = p.toString();
  return query ? `/recherche?${query}` : '/recherche';
}

/** Adds or removes one facet value (and goes back to the first page). */
export function toggleFacet(f: SearchFilters, field: string, value: string): string {
  const next: SearchFilters = { ...f, offset: 0 };
  const toggle = <T extends string>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  if (field === 'type') next.types = toggle(f.types, value as SearchTypeName);
  else if (field === 'themes') next.themes = toggle(f.themes, value as ThemeName);
  else if (field === 'territoryCode') next.territoryCode = f.territoryCode === value ? null : value;
  return searchHref(next);
}

export function isActive(f: SearchFilters, field: string, value: string): boolean {
  if (field === 'type') return f.types.includes(value as SearchTypeName);
  if (field === 'themes') return f.themes.includes(value as ThemeName);
  if (field === 'territoryCode') return f.territoryCode === value;
  return false;
}
