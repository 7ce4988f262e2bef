import { DEMO_INDICATOR_SOURCE, INDICATOR_CATALOGUE, type Theme } from '@essaim/domain';
import { DEMO_YEARS, generateDemoFigures, generateDemoMaturity, hash, prng } from './demo-figures';

const territories = [
  { code: '91228', population: 66_919 },
  { code: '91377', population: 51_729 },
  { code: '91001', population: 1_000 },
  { code: '200059228', population: 360_000 },
  { code: '91999', population: null },
];

describe('demo figures generator', () => {
  it('is deterministic', () => {
    expect(generateDemoFigures(territories)).toEqual(generateDemoFigures(territories));
    expect(prng(hash('a'))()).toBe(prng(hash('a'))());
    expect(DEMO_INDICATOR_SOURCE).toMatch(/démonstration/);
  });

  it('stays within each indicator’s bounds, over three years, with a few holes', () => {
    const figures = generateDemoFigures(territories);
    const byCode = new Map(INDICATOR_CATALOGUE.map((i) => [i.code, i]));
    for (const f of figures) {
      const indicator = byCode.get(f.indicatorCode)!;
      if (indicator.minValue !== null) expect(f.rawValue).toBeGreaterThanOrEqual(indicator.minValue);
      if (indicator.maxValue !== null) expect(f.rawValue).toBeLessThanOrEqual(indicator.maxValue);
      expect(Number.isFinite(f.rawValue)).toBe(true);
    }
    expect(new Set(figures.map((f) => f.year))).toEqual(new Set(DEMO_YEARS));
    expect(figures.some((f) => f.territoryCode === '91999')).toBe(false); // no population, no per-inhabitant maths
    const possible = 4 * INDICATOR_CATALOGUE.length * DEMO_YEARS.length;
    expect(figures.length).toBeLessThan(possible);
    expect(figures.length).toBeGreaterThan(possible * 0.8);
  });

  it('pushes territories with a project sheet up on that theme', () => {
    const boosts = new Map<string, Set<Theme>>([['91377', new Set<Theme>(['PROCUREMENT_OPEN_SOURCE'])]]);
    const share = (code: string) =>
      generateDemoFigures(territories, boosts).find((f) => f.territoryCode === code && f.indicatorCode === 'PART_LOGICIELS_LIBRES' && f.year === 2024)
        ?.rawValue ?? 0;
    expect(share('91377')).toBeGreaterThan(share('91228'));
    const maturity = generateDemoMaturity(territories, boosts);
    expect(maturity.every((m) => m.score >= 0 && m.score <= 5 && m.justification.includes('démonstration'))).toBe(true);
  });
});
