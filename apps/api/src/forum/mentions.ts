import { escapeHtml } from '../common/markdown';
import { FORUM_LIMITS, foldForSearch } from '@essaim/domain';

/**
 * Mentions (documented in docs/forum.md):
 * - `@[Nom affiché]` names anyone by their full display name (case and accents ignored);
 * - `@Mot` (letters, digits, . _ -) names a participant of the thread (an author of one of its
 *   posts) whose display name, without spaces and punctuation, equals the word, or whose first
 *   word equals it when only one participant has that first word.
 * Code spans and code blocks are ignored. At most FORUM_LIMITS.maxMentionsPerPost per post.
 */
export interface ParsedMentions {
  fullNames: string[];
  words: string[];
}

const FULL = /@\[([^\]\n]{2,80})\]/g;
const WORD = /(^|[^\p{L}\p{N}_@[\]])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,39})/gu;

function withoutCode(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/~~~[\s\S]*?(~~~|$)/g, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

export function parseMentions(markdown: string): ParsedMentions {
  const text = withoutCode(markdown);
  const fullNames = new Set<string>();
  const words = new Set<string>();
  for (const match of text.matchAll(FULL)) fullNames.add(match[1].trim());
  for (const match of text.replace(FULL, ' ').matchAll(WORD)) words.add(match[2].replace(/[._-]+$/, ''));
  const limit = FORUM_LIMITS.maxMentionsPerPost;
  return { fullNames: [...fullNames].slice(0, limit), words: [...words].slice(0, limit) };
}

const compact = (name: string) => foldForSearch(name).replace(/ /g, '');
const firstWord = (name: string) => foldForSearch(name).split(' ')[0] ?? '';

export interface MentionCandidate {
  id: number;
  displayName: string;
}

/** Which users the parsed mentions name. `everyone` holds the users found by full name. */
export function resolveMentions(
  parsed: ParsedMentions,
  participants: MentionCandidate[],
  everyone: MentionCandidate[],
): { userIds: number[]; resolvedWords: Set<string> } {
  const ids = new Set<number>();
  const full = new Set(parsed.fullNames.map(compact));
  for (const user of [...everyone, ...participants]) if (full.has(compact(user.displayName))) ids.add(user.id);
  const resolvedWords = new Set<string>();
  for (const word of parsed.words) {
    const key = compact(word);
    if (!key) continue;
    const exact = participants.filter((p) => compact(p.displayName) === key);
    const byFirst = participants.filter((p) => firstWord(p.displayName) === key);
    const match = exact.length ? exact : byFirst.length === 1 ? byFirst : [];
    for (const user of match) ids.add(user.id);
    if (match.length) resolvedWords.add(word);
  }
  return { userIds: [...ids].slice(0, FORUM_LIMITS.maxMentionsPerPost), resolvedWords };
}

/** Marks mentions for rendering (span.mention is allowed by the sanitizer); code is left alone. */
export function highlightMentions(markdown: string, resolvedWords: Set<string>): string {
  return markdown
    .split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(FULL, (_m, name: string) => `<span class="mention">@${escapeHtml(name.trim())}</span>`)
        .replace(WORD, (m, before: string, word: string) => {
          const clean = word.replace(/[._-]+$/, '');
          return resolvedWords.has(clean) ? `${before}<span class="mention">@${escapeHtml(clean)}</span>${word.slice(clean.length)}` : m;
        });
    })
    .join('');
}
