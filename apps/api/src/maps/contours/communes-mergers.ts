/**
 * Old commune code → the current commune that absorbed it, from the official COG data shipped in
 * @etalab/decoupage-administratif (`anciensCodes` of current communes, `chefLieu` of communes
 * déléguées). Outlines of an older vintage (the demo's 2018 Essonne) then land on today's
 * communes: 91182 Courcouronnes on 91228 Évry-Courcouronnes, 91222 Estouches on 91390.
 */
export function communeMergers(): Map<string, string> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as {
    code: string;
    type: string;
    chefLieu?: string;
    anciensCodes?: string[];
  }[];
  const current = new Set(communes.filter((c) => c.type === 'commune-actuelle').map((c) => c.code));
  const mergers = new Map<string, string>();
  for (const commune of communes) {
    if (commune.type === 'commune-actuelle') {
      for (const old of commune.anciensCodes ?? []) if (!current.has(old)) mergers.set(old, commune.code);
    } else if (commune.type === 'commune-deleguee' && commune.chefLieu && !current.has(commune.code)) {
      mergers.set(commune.code, commune.chefLieu);
    }
  }
  return mergers;
}
