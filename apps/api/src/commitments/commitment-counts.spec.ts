import { parisYear, tally } from './commitment-counts';

describe('commitment counts', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const past = new Date('2025-01-01T00:00:00Z');
  const future = new Date('2027-01-01T00:00:00Z');

  it('puts each commitment in one bucket, late before its status', () => {
    const counts = tally(
      [
        { status: 'DONE', targetDate: past },
        { status: 'ABANDONED', targetDate: past },
        { status: 'IN_PROGRESS', targetDate: past },
        { status: 'IN_PROGRESS', targetDate: future },
        { status: 'TO_START', targetDate: null },
        { status: 'TO_START', targetDate: past },
      ],
      now,
    );
    expect(counts).toEqual({ total: 6, toStart: 1, inProgress: 1, late: 2, done: 1, abandoned: 1 });
    expect(counts.toStart + counts.inProgress + counts.late + counts.done + counts.abandoned).toBe(counts.total);
  });

  it('reads the year in Paris time', () => {
    expect(parisYear(new Date('2018-12-31T23:30:00Z'))).toBe(2019);
    expect(parisYear(new Date('2018-07-04T08:00:00Z'))).toBe(2018);
  });
});
