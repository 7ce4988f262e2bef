/** Link to the printable briefing for the same comparison as the page (territory, peers, year, indicator). */
export function briefingHref(territoryCode: string, filters: Record<string, string>): string {
  const params = new URLSearchParams({ territoire: territoryCode });
  for (const name of ['groupe', 'pairs', 'liste', 'departements', 'perimetre', 'annee', 'indicateur']) if (filters[name]) params.set(name, filters[name]);
  return `/comparer/fiche?${params}`;
}

export interface BriefingRow {
  indicator: { code: string; name: string; unit: string; higherIsBetter: boolean; source: string | null };
  value: number | null;
  rank: number | null;
  outOf: number;
  peerMedian: number | null;
  lagging: boolean;
}

/**
 * Best and worst indicators of the territory among its peers: by position in the ranking
 * (rank 1 of 5 is the top, 5 of 5 the bottom), only where it is ranked with at least one peer.
 * Ties keep the catalogue order.
 */
export function bestAndWorst<R extends BriefingRow>(rows: R[], count = 3): { best: R[]; worst: R[] } {
  const ranked = rows.filter((r) => r.rank !== null && r.outOf >= 2).map((r, order) => ({ r, order, position: (r.rank! - 1) / (r.outOf - 1) }));
  const best = [...ranked].sort((a, b) => a.position - b.position || a.order - b.order).slice(0, count);
  const taken = new Set(best.map((b) => b.r.indicator.code));
  const worst = [...ranked]
    .filter((x) => !taken.has(x.r.indicator.code) && x.position > 0)
    .sort((a, b) => b.position - a.position || a.order - b.order)
    .slice(0, count);
  return { best: best.map((b) => b.r), worst: worst.map((w) => w.r) };
}
