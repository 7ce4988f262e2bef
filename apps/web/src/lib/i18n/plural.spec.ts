import { describe, expect, it } from '@jest/globals';
import { pluralCategory, resolvePlurals } from './plural';

describe('plurals', () => {
  it('follows each language: 0 and 1 are singular in French, only 1 in English', () => {
    expect([0, 1, 1.5, 2, 12].map((n) => pluralCategory(n, 'fr'))).toEqual(['one', 'one', 'one', 'other', 'other']);
    expect([0, 1, 1.5, 2, 12].map((n) => pluralCategory(n, 'en'))).toEqual(['other', 'one', 'other', 'other', 'other']);
  });

  it('resolves the plural part of a message and leaves the rest', () => {
    const fr = 'Historique ({count} {count, one {révision} other {révisions}})';
    expect(resolvePlurals(fr, 'fr', { count: 1 })).toBe('Historique ({count} révision)');
    expect(resolvePlurals(fr, 'fr', { count: 3 })).toBe('Historique ({count} révisions)');
    const en = 'open for {days} {days, one {day} other {days}}';
    expect(resolvePlurals(en, 'en', { days: 0 })).toBe('open for {days} days');
    expect(resolvePlurals(en, 'en', { days: '1' })).toBe('open for {days} day');
  });

  it('handles several counts in one message and strings that are not plain numbers', () => {
    const text = '{total} {total, one {frein} other {freins}}, dont {open} {open, one {ouvert} other {ouverts}}';
    expect(resolvePlurals(text, 'fr', { total: 5, open: 1 })).toBe('{total} freins, dont {open} ouvert');
    expect(resolvePlurals('{d} {d, one {jour} other {jours}}', 'fr', { d: '12,5' })).toBe('{d} jours');
    expect(resolvePlurals('no plural {x}', 'fr', { x: 1 })).toBe('no plural {x}');
  });
});
