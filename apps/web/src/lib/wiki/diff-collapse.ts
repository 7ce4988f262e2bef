export type DiffKindName = 'ADDED' | 'REMOVED' | 'UNCHANGED';
export interface DiffChunkLike {
  kind: DiffKindName;
  text: string;
}
/** An unchanged run long enough to fold: `paragraphs` counts what the reader does not see. */
export type DiffPart = DiffChunkLike | { kind: 'COLLAPSED'; text: string; paragraphs: number };

const PARAGRAPH = /\n{2,}/;

/**
 * Folds the long unchanged stretches of a word diff so the changes stand out: of an unchanged
 * chunk, `context` paragraphs are kept next to each change (before and after), the rest
 * becomes one COLLAPSED part that the page shows behind a "N paragraphes inchangés" toggle.
 * Nothing is dropped: the parts' texts, joined, are the chunks' texts.
 */
export function collapseUnchanged(chunks: readonly DiffChunkLike[], context = 1): DiffPart[] {
  if (!chunks.some((c) => c.kind !== 'UNCHANGED')) return [...chunks];
  const parts: DiffPart[] = [];
  chunks.forEach((chunk, i) => {
    if (chunk.kind !== 'UNCHANGED') return void parts.push(chunk);
    const keepStart = i > 0 ? context : 0; // after a change
    const keepEnd = i < chunks.length - 1 ? context : 0; // before a change
    const pieces = chunk.text.split(/(\n{2,})/); // paragraphs at even indexes, separators at odd ones
    const paragraphs = Math.ceil(pieces.length / 2);
    const hidden = paragraphs - keepStart - keepEnd;
    if (hidden < 2) return void parts.push(chunk);
    // The kept head ends with its separator; the folded middle ends with one, so the tail starts on a paragraph.
    const headEnd = keepStart * 2;
    const cutTail = keepEnd ? pieces.length - (keepEnd * 2 - 1) : pieces.length;
    const head = pieces.slice(0, headEnd).join('');
    const middle = pieces.slice(headEnd, cutTail).join('');
    const tail = pieces.slice(cutTail).join('');
    if (head) parts.push({ kind: 'UNCHANGED', text: head });
    parts.push({ kind: 'COLLAPSED', text: middle, paragraphs: middle.split(PARAGRAPH).filter((p) => p.trim()).length });
    if (tail) parts.push({ kind: 'UNCHANGED', text: tail });
  });
  return parts;
}
