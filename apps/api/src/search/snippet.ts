import { foldForSearch } from '@essaim/domain';

/** Highlight markers that cannot occur in indexed text (control characters are stripped). */
export const HL_START = '\u0002';
export const HL_END = '\u0003';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Removes control characters, so stored text can never forge a highlight marker. */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

/**
 * Escapes everything, then turns the markers into <mark> elements: the only HTML a snippet
 * can ever contain. Unbalanced markers are dropped.
 */
export function markedToSafeHtml(text: string): string {
  let html = '';
  let open = false;
  // eslint-disable-next-line no-control-regex -- the highlight markers are control characters on purpose
  for (const part of text.split(/([\u0002\u0003])/)) {
    if (part === HL_START) {
      if (!open) {
        html += '<mark>';
        open = true;
      }
    } else if (part === HL_END) {
      if (open) {
        html += '</mark>';
        open = false;
      }
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/**
 * A window of about `words` words of `text` around the first word matching one of the
 * query terms (folded; a term ending in `*` matches as a prefix), with matches highlighted.
 * Used by the SQL fallbacks; Meilisearch crops and highlights itself.
 */
export function buildSnippet(text: string, terms: string[], words = 30): string {
  const tokens = stripControls(text).split(/([^\p{L}\p{N}]+)/u);
  const matches = (token: string) => {
    if (!/[\p{L}\p{N}]/u.test(token)) return false;
    const folded = foldForSearch(token).replace(/ /g, '');
    return terms.some((t) => (t.endsWith('*') ? folded.startsWith(t.slice(0, -1)) : folded === t));
  };
  const wordIndexes = tokens.map((t, i) => (i % 2 === 0 && t !== '' ? i : -1)).filter((i) => i >= 0);
  const first = wordIndexes.findIndex((i) => matches(tokens[i]));
  const startWord = Math.max(0, (first < 0 ? 0 : first) - Math.floor(words / 4));
  const endWord = Math.min(wordIndexes.length, startWord + words);
  if (wordIndexes.length === 0) return '';
  const from = wordIndexes[startWord];
  const to = wordIndexes[endWord - 1];
  let out = startWord > 0 ? '…' : '';
  for (let i = from; i <= to; i++) out += i % 2 === 0 && matches(tokens[i]) ? `${HL_START}${tokens[i]}${HL_END}` : tokens[i];
  if (endWord < wordIndexes.length) out += '…';
  return markedToSafeHtml(out);
}
