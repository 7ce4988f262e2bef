import {
  compareWithPeers,
  derivedValue,
  figureYearError,
  INDICATOR_CATALOGUE,
  indicatorLabel,
  isBetter,
  maxFigureYear,
  rankEntries,
  relatedThemes,
} from './benchmark';
import { isTheme } from './themes';

const e = (key: string, value: number | null) => ({ key, value });

describe('rankEntries', () => {
  it('gives ties the same rank and skips the next ones (1224)', () => {
    const ranked = rankEntries([e('a', 10), e('b', 30), e('c', 30), e('d', 5)], true);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', 4],
    ]);
  });

  it('ranks the lowest first when lower is better', () => {
    const ranked = rankEntries([e('a', 10), e('b', 30), e('c', 2)], false);
    expect(ranked.map((r) => r.key)).toEqual(['c', 'a', 'b']);
  });

  it('leaves out missing values instead of ranking them last', () => {
    const ranked = rankEntries([e('a', null), e('b', 1), e('c', Number.NaN)], true);
    expect(ranked).toEqual([{ key: 'b', value: 1, rank: 1 }]);
  });
});

describe('compareWithPeers', () => {
  it('computes rank, outOf, peer median, best peer and gap', () => {
    const result = compareWithPeers(e('me', 50), [e('p1', 80), e('p2', 20), e('p3', 60), e('p4', null)], true);
    expect(result.rank).toBe(3);
    expect(result.outOf).toBe(4); // me + 3 peers with a value; p4 is unknown
    expect(result.peerMedian).toBe(60);
    expect(result.best).toEqual({ key: 'p1', value: 80 });
    expect(result.gap).toBe(-10);
    expect(result.lagging).toBe(true);
    expect(result.betterPeers).toEqual(['p1', 'p3']);
    expect(result.ranking.map((r) => [r.key, r.rank])).toEqual([
      ['p1', 1],
      ['p3', 2],
      ['p2', 4],
    ]);
  });

  it('respects lower-is-better for rank, best and lagging', () => {
    const result = compareWithPeers(e('me', 5), [e('p1', 10), e('p2', 1), e('p3', 7)], false);
    expect(result.rank).toBe(2);
    expect(result.best).toEqual({ key: 'p2', value: 1 });
    expect(result.peerMedian).toBe(7);
    expect(result.lagging).toBe(false);
    expect(result.betterPeers).toEqual(['p2']);
  });

  it('shares the rank with a tied peer and keeps the first tied peer as best', () => {
    const result = compareWithPeers(e('me', 9), [e('p1', 9), e('p2', 9), e('p3', 3)], true);
    expect(result.rank).toBe(1);
    expect(result.best).toEqual({ key: 'p1', value: 9 });
    expect(result.lagging).toBe(false);
    expect(result.betterPeers).toEqual([]);
  });

  it('has no rank but counts the peers when the subject has no value', () => {
    const result = compareWithPeers(e('me', null), [e('p1', 3), e('p2', 4)], true);
    expect(result.rank).toBeNull();
    expect(result.outOf).toBe(2);
    expect(result.peerMedian).toBe(3.5);
    expect(result.gap).toBeNull();
    expect(result.lagging).toBe(false);
    expect(result.betterPeers).toEqual(['p1', 'p2']);
  });

  it('has no median nor best when no peer has a value', () => {
    const result = compareWithPeers(e('me', 1), [e('p1', null)], true);
    expect(result).toMatchObject({ rank: 1, outOf: 1, peerMedian: null, best: null, gap: null, lagging: false });
  });
});

describe('derivedValue and the catalogue', () => {
  it('divides totals by the official population for per-inhabitant indicators', () => {
    expect(derivedValue(250_000, 1, 10_000)).toBe(25);
    expect(derivedValue(3, 10_000, 15_000)).toBeCloseTo(2);
    expect(derivedValue(42, null, null)).toBe(42);
    expect(derivedValue(42, 1, null)).toBeNull();
    expect(derivedValue(42, 1, 0)).toBeNull();
  });

  it('has unique codes, valid themes and at least one lower-is-better indicator', () => {
    const codes = INDICATOR_CATALOGUE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(INDICATOR_CATALOGUE.every((i) => i.theme === null || isTheme(i.theme))).toBe(true);
    expect(INDICATOR_CATALOGUE.some((i) => !i.higherIsBetter)).toBe(true);
    expect(isBetter(1, 2, false)).toBe(true);
  });
});

describe('indicatorLabel', () => {
  it('has an English name and unit for every catalogue indicator', () => {
    for (const indicator of INDICATOR_CATALOGUE) {
      const english = indicatorLabel(indicator, 'en');
      expect(english.name).not.toBe(indicator.name);
      expect(english.unit.length).toBeGreaterThan(0);
    }
  });

  it('keeps the stored French name in French, and for indicators added by an administrator', () => {
    const fibre = INDICATOR_CATALOGUE.find((i) => i.code === 'FIBRE_RACCORDABLE')!;
    expect(indicatorLabel(fibre, 'fr')).toEqual({ name: fibre.name, unit: fibre.unit });
    expect(indicatorLabel({ code: 'BORNES_WIFI', name: 'Bornes wifi publiques', unit: 'bornes' }, 'en')).toEqual({
      name: 'Bornes wifi publiques',
      unit: 'bornes',
    });
  });
});

describe('figure years, peer scopes and related themes', () => {
  it('refuses years after the current one or before 2000', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(maxFigureYear(now)).toBe(2026);
    expect(figureYearError(2026, now)).toBeNull();
    expect(figureYearError(2027, now)).toMatch(/2000 et 2026/);
    expect(figureYearError(1999, now)).not.toBeNull();
    expect(figureYearError(2024.5, now)).not.toBeNull();
  });
  it('declares related themes for every built-in indicator, falling back to the theme', () => {
    for (const indicator of INDICATOR_CATALOGUE) expect(relatedThemes(indicator).length).toBeGreaterThan(0);
    expect(relatedThemes({ code: 'FRANCECONNECT', theme: 'DIGITAL_IDENTITY' })).toContain('ONLINE_SERVICES');
    expect(relatedThemes({ code: 'ADMIN_ADDED', theme: 'EDUCATION' })).toEqual(['EDUCATION']);
    expect(relatedThemes({ code: 'ADMIN_ADDED', theme: null })).toEqual([]);
  });
});
