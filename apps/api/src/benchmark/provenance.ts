import type { IndicatorValue } from './indicator-value.entity';
import type { DataSourceInfo } from './models/comparison.model';

/** What people typed or pasted without naming a source. */
export const ENTERED_BY_COLLECTIVITE = 'Saisie de la collectivité';

/** A stored figure's provenance as shown under it and in exports. */
export function provenanceOf(row: Pick<IndicatorValue, 'source' | 'sourceUrl' | 'licence' | 'vintage' | 'isDemo'>): DataSourceInfo {
  return {
    name: row.source?.trim() || ENTERED_BY_COLLECTIVITE,
    url: row.sourceUrl ?? null,
    licence: row.licence ?? null,
    vintage: row.vintage ?? null,
    isDemo: row.isDemo,
  };
}

/** Distinct sources, real ones first (by name), demo last. */
export function distinctSources(sources: DataSourceInfo[]): DataSourceInfo[] {
  const byKey = new Map<string, DataSourceInfo>();
  for (const s of sources) byKey.set(`${s.isDemo}|${s.name}|${s.vintage ?? ''}`, s);
  return [...byKey.values()].sort(
    (a, b) => Number(a.isDemo) - Number(b.isDemo) || a.name.localeCompare(b.name, 'fr') || (a.vintage ?? '').localeCompare(b.vintage ?? ''),
  );
}
