import type { Settings } from 'meilisearch';
import { MAX_FACET_VALUES } from '../search-engine';
import { FRENCH_STOP_WORDS, meiliSynonyms } from '../synonyms';

export { FRENCH_STOP_WORDS };

/**
 * Applied at start (only when they differ, since a settings change re-indexes everything).
 * - searchable, in order of importance: a match in the title beats the territory name beats the body;
 * - filterable/facets: the four `search` filters (type, themes, territoryCode, stage);
 * - ranking: Meilisearch's default relevancy rules, then `rank` (projects before pages before
 *   threads before territories, and big communes before small ones) to break ties;
 * - typos: one from 4 letters, two from 8 ("cantinne", "teletravial"), not on codes or numbers;
 * - French stop words, so "à", "de", "la" neither match nor weigh;
 * - synonyms and acronyms of the field (../synonyms.ts: MSP, tiers-lieu, THD…), mirrored by the SQL fallbacks;
 * - facets: the 20 most frequent values of each field;
 * - no facet search (facet counts only), which makes every indexing task cheaper.
 */
export const INDEX_SETTINGS: Settings = {
  searchableAttributes: ['title', 'territoryName', 'body'],
  displayedAttributes: ['key', 'type', 'id', 'title', 'url', 'body', 'themes', 'territoryCode', 'stage', 'updatedAt'],
  filterableAttributes: ['type', 'themes', 'territoryCode', 'stage'],
  sortableAttributes: ['updatedAt', 'title'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'rank:desc'],
  stopWords: FRENCH_STOP_WORDS,
  synonyms: meiliSynonyms(),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnAttributes: [],
    disableOnWords: [],
    disableOnNumbers: true,
  },
  // The most frequent values, not the first ones in alphabetical order: with hundreds of communes
  // the counts that matter would otherwise be cut off. Fewer values also make each answer lighter.
  faceting: { maxValuesPerFacet: MAX_FACET_VALUES, sortFacetValuesBy: { '*': 'count' } },
  // We count facets but never search inside facet values: skip building that structure at indexing time.
  facetSearch: false,
  pagination: { maxTotalHits: 10_000 },
};

/** True when the server's settings already match ours (arrays compared as sets where order does not matter). */
export function settingsMatch(current: Settings): boolean {
  // Meilisearch returns stop words decomposed ("a" + combining grave for "à"): compare in one form,
  // or the settings would be applied again (and everything re-indexed) at every start.
  const nfc = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC') : v);
  const sameSet = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.map(nfc).sort().join('\u0000') === b.map(nfc).sort().join('\u0000');
  const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const typo = current.typoTolerance ?? {};
  const wantedTypo = INDEX_SETTINGS.typoTolerance!;
  return (
    sameList(current.searchableAttributes, INDEX_SETTINGS.searchableAttributes) &&
    sameSet(current.displayedAttributes, INDEX_SETTINGS.displayedAttributes) &&
    sameSet(current.filterableAttributes, INDEX_SETTINGS.filterableAttributes) &&
    sameSet(current.sortableAttributes, INDEX_SETTINGS.sortableAttributes) &&
    sameList(current.rankingRules, INDEX_SETTINGS.rankingRules) &&
    sameSet(current.stopWords, INDEX_SETTINGS.stopWords) &&
    sameSynonyms(current.synonyms, INDEX_SETTINGS.synonyms) &&
    typo.enabled === wantedTypo.enabled &&
    sameList(typo.minWordSizeForTypos, wantedTypo.minWordSizeForTypos) &&
    (typo as { disableOnNumbers?: boolean }).disableOnNumbers === (wantedTypo as { disableOnNumbers?: boolean }).disableOnNumbers &&
    current.faceting?.maxValuesPerFacet === INDEX_SETTINGS.faceting!.maxValuesPerFacet &&
    sameList(current.faceting?.sortFacetValuesBy, INDEX_SETTINGS.faceting!.sortFacetValuesBy) &&
    current.facetSearch === INDEX_SETTINGS.facetSearch &&
    current.pagination?.maxTotalHits === INDEX_SETTINGS.pagination!.maxTotalHits
  );
}

/** Synonyms compared key by key, each list as a set (Meilisearch may return them in another order). */
function sameSynonyms(current: Settings['synonyms'], wanted: Settings['synonyms']): boolean {
  const a = current ?? {};
  const b = wanted ?? {};
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => {
    const x = a[k] ?? [];
    const y = b[k] ?? [];
    return x.length === y.length && [...x].sort().join('\u0000') === [...y].sort().join('\u0000');
  });
}
