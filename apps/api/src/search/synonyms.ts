import { foldForSearch } from '@essaim/domain';

/**
 * Words and acronyms a French local-government agent uses for the same thing. Each group is a
 * set of equivalent expressions: typing any of them finds sheets written with the others.
 * Configured as Meilisearch synonyms and mirrored by the SQL fallbacks' query expansion
 * (see expandQuery). Keep groups narrow: a synonym that is only "related" drowns the results.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['MSP', 'maison de santé pluriprofessionnelle', 'maison de santé', 'maisons de santé'],
  ['tiers-lieu', 'tiers-lieux', 'tiers lieu', 'coworking', 'télécentre', 'espace de travail partagé'],
  ['THD', 'très haut débit', 'fibre', 'fibre optique', 'FTTH'],
  ['ENT', 'espace numérique de travail'],
  ['SIG', "système d'information géographique", 'cartographie'],
  ['GRU', 'gestion de la relation usager', 'GRC', 'gestion de la relation citoyen'],
  ['RGPD', 'règlement général sur la protection des données', 'données personnelles'],
  ['DPO', 'DPD', 'délégué à la protection des données'],
  ['PCS', 'plan communal de sauvegarde'],
  ['MaaS', 'mobility as a service', 'mobilité servicielle'],
  ['RIP', "réseau d'initiative publique"],
  ['CCAS', "centre communal d'action sociale"],
  ['CNFS', 'conseiller numérique', 'conseillers numériques', 'médiateur numérique', 'médiateurs numériques'],
  ['France Services', 'MSAP', 'maison de services au public'],
  ['open data', 'opendata', 'données ouvertes', 'données publiques'],
  ['cantine', 'cantines', 'restauration scolaire', 'restauration collective'],
  ['télémédecine', 'téléconsultation', 'télésanté'],
  ['télétravail', 'travail à distance'],
  ['logiciel libre', 'logiciels libres', 'open source'],
  ['IoT', 'objets connectés', 'capteurs connectés', 'internet des objets'],
  ['LoRaWAN', 'LoRa', 'réseau bas débit'],
  ['IA', 'intelligence artificielle'],
  ['ANTS', 'agence nationale des titres sécurisés'],
  ['ARS', 'agence régionale de santé'],
  ['CAF', "caisse d'allocations familiales"],
  ['DSI', "direction des systèmes d'information"],
  ['RGAA', 'accessibilité numérique'],
  ['MDM', 'gestion de flotte'],
  ['budget participatif', 'budgets participatifs', 'démocratie participative'],
  ['état civil', 'etat-civil', 'actes de naissance'],
  ['alerte', 'téléalerte', 'alerte aux habitants'],
  ['circuits courts', 'produits locaux', 'approvisionnement local'],
  ['illectronisme', 'inclusion numérique', 'fracture numérique'],
];

/** French words that carry no meaning in a query (also Meilisearch's stop words). */
export const FRENCH_STOP_WORDS = [
  'a',
  'à',
  'au',
  'aux',
  'avec',
  'ce',
  'ces',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'leur',
  'leurs',
  'ou',
  'par',
  'pour',
  'qu',
  'que',
  'qui',
  'sa',
  'se',
  'ses',
  'son',
  'sur',
  'un',
  'une',
];
const STOP = new Set(FRENCH_STOP_WORDS.map(foldForSearch));

/** An expression as the engines see it: folded words, stop words dropped ("maison de santé" → ["maison", "sante"]). */
export function expressionWords(expression: string): string[] {
  const words = foldForSearch(expression).split(' ').filter(Boolean);
  const meaningful = words.filter((w) => !STOP.has(w));
  return meaningful.length ? meaningful : words;
}

const GROUPS = SYNONYM_GROUPS.map((group) => [...new Map(group.map((e) => [expressionWords(e).join(' '), expressionWords(e)])).values()]);

/**
 * Meilisearch's `synonyms` setting: every expression maps to all the others of its group
 * (Meilisearch synonyms are one-way). Keys and values are folded (lower case, no accents).
 */
export function meiliSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    const phrases = [...new Set(group.map(meiliPhrase).filter((p): p is string => p !== null))];
    for (const phrase of phrases) {
      const others = phrases.filter((p) => p !== phrase);
      if (others.length) synonyms[phrase] = [...new Set([...(synonyms[phrase] ?? []), ...others])].sort();
    }
  }
  return synonyms;
}

/**
 * Meilisearch matches a multi-word synonym on consecutive positions, and a stop word keeps its
 * position in the indexed text while the synonym cannot contain it (checked on 1.21: "msp" →
 * "maison de santé" never matches). So an expression with a stop word is given by its longest
 * run of words without one, when that run has two words or more ("maison de santé
 * pluriprofessionnelle" → "sante pluriprofessionnelle"), and left out otherwise ("maison de
 * santé"): a documented gap that the SQL fallbacks' expansion does not have.
 */
export function meiliPhrase(expression: string): string | null {
  const words = foldForSearch(expression).split(' ').filter(Boolean);
  if (!words.some((w) => STOP.has(w))) return words.join(' ');
  let best: string[] = [];
  let run: string[] = [];
  for (const word of [...words, '']) {
    if (word && !STOP.has(word)) run.push(word);
    else {
      if (run.length > best.length) best = run;
      run = [];
    }
  }
  return best.length >= 2 ? best.join(' ') : null;
}

/** Query alternatives past this number are dropped (a query naming many acronyms). */
export const MAX_ALTERNATIVES = 12;

/**
 * The SQL fallbacks' mirror of the synonyms: the query's words (already folded, stop words
 * dropped) and every variant where a run of words equal to one expression of a group is
 * replaced by another expression of that group. A document matches if it matches any variant.
 * The original comes first; each variant is a list of words that must all match.
 */
export function expandQuery(words: string[]): string[][] {
  // Segments: a plain word (one alternative) or a matched expression (the original first, then its group).
  const segments: string[][][] = [];
  for (let i = 0; i < words.length;) {
    const match = longestExpressionAt(words, i);
    if (!match) {
      segments.push([[words[i]]]);
      i++;
      continue;
    }
    const original = words.slice(i, i + match.length);
    segments.push([original, ...match.group.filter((e) => e.join(' ') !== original.join(' '))]);
    i += match.length;
  }
  // Variants in order of how many substitutions away they are (sum of alternative indexes), so
  // the cap keeps each group's own expansions before combinations of several groups.
  const variants: string[][] = [];
  const maxSum = segments.reduce((sum, alts) => sum + alts.length - 1, 0);
  for (let target = 0; target <= maxSum && variants.length < MAX_ALTERNATIVES; target++) {
    const pick = (k: number, left: number, acc: string[]): void => {
      if (variants.length >= MAX_ALTERNATIVES) return;
      if (k === segments.length) {
        if (left === 0) variants.push(acc);
        return;
      }
      for (let j = 0; j < segments[k].length && j <= left; j++) pick(k + 1, left - j, [...acc, ...segments[k][j]]);
    };
    pick(0, target, []);
  }
  return variants;
}

function longestExpressionAt(words: string[], start: number): { length: number; group: string[][] } | null {
  let best: { length: number; group: string[][] } | null = null;
  for (const group of GROUPS) {
    for (const expression of group) {
      const n = expression.length;
      if (n <= (best?.length ?? 0) || start + n > words.length) continue;
      if (expression.every((w, k) => words[start + k] === w)) best = { length: n, group };
    }
  }
  return best;
}
