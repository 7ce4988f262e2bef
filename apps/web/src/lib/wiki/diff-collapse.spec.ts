import { describe, expect, it } from '@jest/globals';
import { collapseUnchanged, type DiffChunkLike } from './diff-collapse';

const para = (n: number) => Array.from({ length: n }, (_, i) => `Paragraphe ${i + 1}.`).join('\n\n');

describe('collapseUnchanged', () => {
  it('folds long unchanged stretches around a change, keeping one paragraph of context on each side', () => {
    const chunks: DiffChunkLike[] = [
      { kind: 'UNCHANGED', text: `${para(5)}\n\nLe budget est de ` },
      { kind: 'REMOVED', text: '540' },
      { kind: 'ADDED', text: '560' },
      { kind: 'UNCHANGED', text: ` 000 €.\n\n${para(6)}` },
    ];
    const parts = collapseUnchanged(chunks);
    expect(parts.map((p) => p.kind)).toEqual(['COLLAPSED', 'UNCHANGED', 'REMOVED', 'ADDED', 'UNCHANGED', 'COLLAPSED']);
    expect(parts[1].text).toBe('Le budget est de ');
    expect(parts[4].text).toBe(' 000 €.\n\n');
    expect(parts[0]).toMatchObject({ paragraphs: 5 });
    expect(parts[5]).toMatchObject({ paragraphs: 6 });
    // Nothing lost: the page can always unfold.
    expect(parts.map((p) => p.text).join('')).toBe(chunks.map((c) => c.text).join(''));
  });

  it('keeps short unchanged runs and diffs without changes as they are', () => {
    const short: DiffChunkLike[] = [
      { kind: 'UNCHANGED', text: 'Avant.\n\nJuste avant ' },
      { kind: 'ADDED', text: 'ajout' },
      { kind: 'UNCHANGED', text: ' après.' },
    ];
    expect(collapseUnchanged(short)).toEqual(short);
    const none: DiffChunkLike[] = [{ kind: 'UNCHANGED', text: para(10) }];
    expect(collapseUnchanged(none)).toEqual(none);
  });

  it('folds the middle of an unchanged run between two changes', () => {
    const chunks: DiffChunkLike[] = [
      { kind: 'ADDED', text: 'Titre' },
      { kind: 'UNCHANGED', text: ` fin.\n\n${para(4)}\n\nDébut ` },
      { kind: 'REMOVED', text: 'ancien' },
    ];
    const parts = collapseUnchanged(chunks);
    expect(parts.map((p) => p.kind)).toEqual(['ADDED', 'UNCHANGED', 'COLLAPSED', 'UNCHANGED', 'REMOVED']);
    expect(parts[1].text).toBe(' fin.\n\n');
    expect(parts[3].text).toBe('Début ');
    expect(parts[2]).toMatchObject({ paragraphs: 4 });
  });
});
