import { foldForSearch } from '@essaim/domain';
import { FRENCH_STOP_WORDS } from '../meili/meili-settings';

const STOP = new Set(FRENCH_STOP_WORDS.map(foldForSearch));

/** Words of a text as the fallbacks index them: folded (no accents, lower case), 2 to 40 characters. */
export function termsOf(text: string): string[] {
  return foldForSearch(text)
    .split(' ')
    .filter((w) => w.length >= 2 && w.length <= 40);
}

/** The words of a query that must match: folded, stop words dropped (unless only stop words were typed), at most 8. */
export function queryWords(q: string): string[] {
  const words = foldForSearch(q).split(' ').filter(Boolean);
  const meaningful = words.filter((w) => !STOP.has(w));
  return (meaningful.length ? meaningful : words).slice(0, 8);
}

/** Same thresholds as the Meilisearch settings: one typo from 4 letters, two from 8; none on numbers. */
export function allowedTypos(word: string): number {
  if (/^\d+$/.test(word)) return 0;
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: "travial" → "travail" is 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/**
 * Typo candidates for a word among indexed vocabulary terms. The caller narrows the vocabulary
 * to terms sharing the first letter and of a compatible length (an indexed range scan), so a
 * typo on the first letter is not corrected: a documented limit of the fallback.
 */
export function typoCandidates(word: string, vocabulary: string[], limit = 12): string[] {
  const max = allowedTypos(word);
  if (max === 0) return [];
  return vocabulary
    .map((term) => ({ term, d: term === word ? 0 : editDistance(word, term, max) }))
    .filter((c) => c.d > 0 && c.d <= max)
    .sort((x, y) => x.d - y.d || x.term.localeCompare(y.term))
    .slice(0, limit)
    .map((c) => c.term);
}

/** One query word and what it may match: itself as a prefix, or one of its typo corrections exactly. */
export interface ExpandedWord {
  word: string;
  corrections: string[];
}

/** Terms for the snippet highlighter: prefixes end with `*`. */
export function highlightTerms(words: ExpandedWord[]): string[] {
  return words.flatMap((w) => [`${w.word}*`, ...w.corrections]);
}
