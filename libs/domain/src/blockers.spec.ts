import {
  BLOCKER_STATUSES,
  canTransition,
  monthRange,
  rankSuggestions,
  recency,
  sizeSimilarity,
  suggestionScore,
  themeOverlap,
  transitionError,
} from './blockers';

const now = new Date('2025-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('blocker status transitions', () => {
  it('allows the documented path and reopening', () => {
    expect(canTransition('OPEN', 'IN_PROGRESS')).toBe(true);
    expect(canTransition('IN_PROGRESS', 'LIFTED')).toBe(true);
    expect(canTransition('LIFTED', 'OPEN')).toBe(true);
    expect(canTransition('WORKED_AROUND', 'LIFTED')).toBe(true);
    expect(canTransition('ABANDONED', 'OPEN')).toBe(true);
  });

  it('refuses closed-to-closed moves and no-op changes with a French reason', () => {
    expect(canTransition('LIFTED', 'ABANDONED')).toBe(false);
    expect(canTransition('ABANDONED', 'LIFTED')).toBe(false);
    expect(canTransition('LIFTED', 'IN_PROGRESS')).toBe(false);
    expect(transitionError('LIFTED', 'ABANDONED')).toMatch(/ne peut pas passer à « Abandonné »/);
    expect(transitionError('OPEN', 'OPEN')).toMatch(/déjà « Ouvert »/);
    for (const s of BLOCKER_STATUSES) expect(transitionError(s, s)).not.toBeNull();
  });
});

describe('suggestion score', () => {
  it('weights theme overlap, population band distance and a one-year half-life', () => {
    expect(themeOverlap(['EDUCATION', 'GOVERNANCE'], ['EDUCATION'])).toBe(0.5);
    expect(themeOverlap([], ['EDUCATION'])).toBe(0);
    expect(sizeSimilarity(1200, 1800)).toBe(1);
    expect(sizeSimilarity(300, 150_000)).toBe(0);
    expect(sizeSimilarity(null, 1000)).toBe(0);
    expect(recency(daysAgo(365), now)).toBeCloseTo(0.5, 6);
    expect(recency(daysAgo(0), now)).toBe(1);
    const score = suggestionScore(
      { themes: ['EDUCATION'], population: 1000 },
      { id: 1, themes: ['EDUCATION'], population: 1500, resolvedAt: daysAgo(365) },
      now,
    );
    expect(score).toBeCloseTo(3 + 2 + 0.5, 6);
  });

  it('ranks same theme first, then similar size, then recency, then id', () => {
    const subject = { themes: ['EDUCATION'], population: 5000 };
    const ranked = rankSuggestions(
      subject,
      [
        { id: 1, themes: ['TOURISM_CULTURE'], population: 5000, resolvedAt: daysAgo(1) },
        { id: 2, themes: ['EDUCATION'], population: 200_000, resolvedAt: daysAgo(1) },
        { id: 3, themes: ['EDUCATION'], population: 6000, resolvedAt: daysAgo(700) },
        { id: 4, themes: ['EDUCATION'], population: 6000, resolvedAt: daysAgo(10) },
        { id: 5, themes: ['EDUCATION'], population: 6000, resolvedAt: daysAgo(10) },
      ],
      now,
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual([4, 5, 3, 2, 1]);
  });
});

describe('monthRange', () => {
  it('lists calendar months across a year boundary', () => {
    expect(monthRange(new Date('2024-11-15Z'), new Date('2025-02-01Z'))).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
