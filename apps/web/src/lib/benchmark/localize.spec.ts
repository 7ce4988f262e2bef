import { describe, expect, it } from '@jest/globals';
import { formatIndicatorValue } from './format';
import { localizeComparison } from './localize';
import type { ComparisonData } from './types';

const row = (code: string, name: string, unit: string) => ({
  indicator: { id: code, code, name, unit, description: '', higherIsBetter: true, theme: null, source: null },
});
const comparison = {
  year: 2024,
  rows: [row('FRANCECONNECT', 'FranceConnect disponible', 'oui (1) / non (0)'), row('BORNES_WIFI', 'Bornes wifi publiques', 'bornes')],
} as unknown as ComparisonData;

describe('localizeComparison', () => {
  it('names catalogue indicators in English and leaves added ones as their administrator named them', () => {
    const english = localizeComparison(comparison, 'en');
    expect(english.rows.map((r) => [r.indicator.name, r.indicator.unit])).toEqual([
      ['FranceConnect available', 'yes (1) / no (0)'],
      ['Bornes wifi publiques', 'bornes'],
    ]);
    expect(english.rows[0].indicator.code).toBe('FRANCECONNECT');
  });

  it('keeps the French comparison untouched', () => {
    expect(localizeComparison(comparison, 'fr')).toBe(comparison);
  });

  it('still shows yes/no for a yes/no indicator once its unit is English', () => {
    expect(formatIndicatorValue(1, 'yes (1) / no (0)', 'en')).toBe('yes');
    expect(formatIndicatorValue(0, 'oui (1) / non (0)', 'fr')).toBe('non');
    expect(formatIndicatorValue(12.5, '%', 'en')).toBe('12.5 %');
  });
});
