/**
 * Seminar score maths shared by the API and the web app: the 0–5 grid in half points,
 * means per group and overall, the distribution over the eleven possible scores, the
 * divergence rule, and the "additions in bold" diff of an adopted reformulation.
 */
import { formatScore } from './format';

export const SCORE_MIN = 0;
export const SCORE_MAX = 5;
export const SCORE_STEP = 0.5;
/** 0, 0.5, 1 … 5: the eleven scores a participant may give. */
export const SCORE_VALUES: readonly number[] = Array.from({ length: 11 }, (_, i) => i * SCORE_STEP);

/**
 * Divergence rule: a stake is divergent when at least two groups scored it and their group
 * means are at least this far apart (2 points on the 0–5 scale, i.e. 40 % of the scale).
 * Stake 1 of "Services aux citoyens" (2/5 against 4,5/5, a 2.5-point gap) is divergent;
 * stake 3 (4,5/5 against 4,8/5) is not.
 */
export const DIVERGENCE_GAP = 2;

export function isValidScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= SCORE_MIN && value <= SCORE_MAX && Number.isInteger(value / SCORE_STEP);
}

/** Index of a valid score in SCORE_VALUES (0 → 0, 4.5 → 9). */
export function scoreIndex(value: number): number {
  return Math.round(value / SCORE_STEP);
}

/** One aggregated row: how many participants of a group gave a stake this value. */
export interface ScoreCount {
  groupId: string;
  value: number;
  count: number;
}

export interface GroupResult {
  groupId: string;
  mean: number | null;
  count: number;
  formatted: string;
}

export interface StakeResult {
  mean: number | null;
  count: number;
  byGroup: GroupResult[];
  /** Counts per score, in the order of SCORE_VALUES (always 11 entries). */
  distribution: number[];
  divergent: boolean;
}

/** Results of one stake from its aggregated counts; `groupIds` fixes the order (and lists empty groups). */
export function computeStakeResult(rows: readonly ScoreCount[], groupIds: readonly string[]): StakeResult {
  const distribution = SCORE_VALUES.map(() => 0);
  const perGroup = new Map<string, { sum: number; count: number }>(groupIds.map((id) => [id, { sum: 0, count: 0 }]));
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    if (row.count <= 0) continue;
    distribution[scoreIndex(row.value)] += row.count;
    sum += row.value * row.count;
    count += row.count;
    let group = perGroup.get(row.groupId);
    if (!group) perGroup.set(row.groupId, (group = { sum: 0, count: 0 }));
    group.sum += row.value * row.count;
    group.count += row.count;
  }
  const byGroup = [...perGroup].map(([groupId, g]) => {
    const mean = g.count ? g.sum / g.count : null;
    return { groupId, mean, count: g.count, formatted: formatScore(mean) };
  });
  return { mean: count ? sum / count : null, count, byGroup, distribution, divergent: isDivergent(byGroup.map((g) => g.mean)) };
}

/** The divergence rule (see DIVERGENCE_GAP); groups without scores are ignored. */
export function isDivergent(groupMeans: readonly (number | null)[]): boolean {
  const means = groupMeans.filter((m): m is number => m !== null);
  if (means.length < 2) return false;
  // A tiny tolerance so that 2.0000000001 vs 4 (floating sums) still counts as a 2-point gap.
  return Math.max(...means) - Math.min(...means) >= DIVERGENCE_GAP - 1e-9;
}

// ------------------------------------------------------------------ reformulation diff

export interface TextSegment {
  text: string;
  /** True for words added or changed by the reformulation (printed in bold in the minutes). */
  added: boolean;
}

/** Below this share of the original's words kept, the reformulation is a rewrite: all of it is bold. */
export const REWRITE_THRESHOLD = 0.5;

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|\s+|[^\p{L}\p{N}\s]/gu;
const isSpace = (t: string) => /^\s+$/.test(t);
const isPunctuation = (t: string) => /^[^\p{L}\p{N}]+$/u.test(t);

/**
 * Splits a reformulation into kept and added segments by a word-level longest common
 * subsequence with the original text, then tidies the result the way the 2018 minutes were
 * written: neighbouring additions merge, punctuation and spaces opening an addition stay
 * outside the bold, a full stop closing an addition joins it, a lone added full stop is not
 * bold, and a text that keeps under half of its words is bold throughout.
 */
export function highlightAdditions(original: string, revised: string): TextSegment[] {
  const a = original.match(TOKEN) ?? [];
  const b = revised.match(TOKEN) ?? [];
  const keptFlags = lcsKeptFlags(a, b);
  const words = b.filter((t) => !isSpace(t) && !isPunctuation(t));
  const keptWords = b.filter((t, i) => keptFlags[i] && !isSpace(t) && !isPunctuation(t));
  if (words.length > 0 && keptWords.length / words.length < REWRITE_THRESHOLD) {
    return [{ text: revised, added: true }];
  }
  // Spaces and punctuation take the status that reads naturally: inside an addition when
  // surrounded by additions, otherwise kept.
  const added = b.map((t, i) => !keptFlags[i] && !isSpace(t) && !isPunctuation(t));
  for (let i = 0; i < b.length; i++) {
    if (!(isSpace(b[i]) || isPunctuation(b[i])) || added[i]) continue;
    const before = lastNonNeutral(b, added, i, -1);
    const after = lastNonNeutral(b, added, i, 1);
    if (before === true && after === true) added[i] = true;
  }
  // A closing punctuation run right after an addition, at the end of the text, joins it.
  let end = b.length - 1;
  while (end >= 0 && (isPunctuation(b[end]) || isSpace(b[end])) && !added[end]) end--;
  if (end >= 0 && added[end]) for (let i = end + 1; i < b.length; i++) if (!isSpace(b[i])) added[i] = true;
  return mergeSegments(b.map((text, i) => ({ text, added: added[i] })));
}

/** The first token in `direction` that is a word: true when added, false when kept, null at the edge. */
function lastNonNeutral(tokens: string[], added: boolean[], from: number, direction: 1 | -1): boolean | null {
  for (let i = from + direction; i >= 0 && i < tokens.length; i += direction) {
    if (!isSpace(tokens[i]) && !isPunctuation(tokens[i])) return added[i];
  }
  return null;
}

function lcsKeptFlags(a: string[], b: string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const kept = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept[j] = true;
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

function mergeSegments(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.added === segment.added) last.text += segment.text;
    else if (segment.text) merged.push({ ...segment });
  }
  return merged;
}

/** Markdown with additions in bold; `escape` protects the user's own text. */
export function segmentsToMarkdown(segments: readonly TextSegment[], escape: (text: string) => string = (t) => t): string {
  return segments
    .map((s) => {
      if (!s.added) return escape(s.text);
      // Bold markers must hug the words: keep surrounding spaces outside.
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
      return match[2] ? `${match[1]}**${escape(match[2])}**${match[3]}` : s.text;
    })
    .join('');
}
