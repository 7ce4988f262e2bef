import { parseDateTime } from './date-time.scalar';

describe('parseDateTime, the one parser of DateTime inputs', () => {
  it('reads ISO 8601 instants with their zone', () => {
    expect(parseDateTime('2026-03-14T09:00:00Z').toISOString()).toBe('2026-03-14T09:00:00.000Z');
    expect(parseDateTime('2026-03-14T10:30+01:00').toISOString()).toBe('2026-03-14T09:30:00.000Z');
    expect(parseDateTime('2028-02-29T23:59:59.123456-05:00').toISOString()).toBe('2028-03-01T04:59:59.123Z');
    expect(parseDateTime('2000-01-01t00:00:00z').toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-03-14T24:00:00Z',
    '2026-03-14T09:60:00Z',
    '2026-03-14T09:00:60Z',
    '2026-03-14T09:00:00+15:00',
    '2026-03-14T09:00:00',
    '2026-03-14',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '1999-12-31T23:59:59Z',
    '2101-01-01T00:00:00Z',
    '14/03/2026',
    '',
    ' 2026-03-14T09:00:00Z',
  ])('refuses %j', (value) => {
    expect(() => parseDateTime(value)).toThrow(/Date invalide/);
  });

  it('refuses what is not a string', () => {
    for (const value of [1741942800000, null, {}, true]) expect(() => parseDateTime(value)).toThrow(/chaîne/);
  });
});
