import { BlockerStatRow, computeBlockerStats } from './blocker-stats';

const now = new Date('2025-03-20T12:00:00Z');
const at = (iso: string) => new Date(iso);
const row = (over: Partial<BlockerStatRow>): BlockerStatRow => ({
  category: 'FUNDING',
  status: 'OPEN',
  openedAt: at('2025-01-10T00:00:00Z'),
  resolvedAt: null,
  themes: ['EDUCATION'],
  ...over,
});

describe('computeBlockerStats', () => {
  const rows: BlockerStatRow[] = [
    row({}),
    row({ status: 'IN_PROGRESS', category: 'POLITICAL_BACKING', themes: ['GOVERNANCE'] }),
    row({ status: 'LIFTED', openedAt: at('2025-01-01T00:00:00Z'), resolvedAt: at('2025-01-11T00:00:00Z') }),
    row({ status: 'LIFTED', openedAt: at('2025-01-01T00:00:00Z'), resolvedAt: at('2025-01-31T00:00:00Z') }),
    row({ status: 'WORKED_AROUND', openedAt: at('2024-12-01T00:00:00Z'), resolvedAt: at('2025-02-15T00:00:00Z') }),
    row({ status: 'ABANDONED', category: 'LEGAL', resolvedAt: at('2025-02-01T00:00:00Z') }),
  ];
  const stats = computeBlockerStats(rows, now, 6);

  it('counts open (OPEN, IN_PROGRESS), lifted (LIFTED, WORKED_AROUND) and abandoned', () => {
    expect(stats).toMatchObject({ total: 6, open: 2, lifted: 3, abandoned: 1 });
    const funding = stats.byCategory.find((c) => c.category === 'FUNDING');
    expect(funding).toMatchObject({ open: 1, lifted: 3, workedAround: 1, abandoned: 0 });
    expect(stats.byCategory).toHaveLength(11);
  });

  it('takes the median of days to lift (10, 30, 76 days → 30), ignoring abandoned ones', () => {
    expect(stats.byCategory.find((c) => c.category === 'FUNDING')?.medianDaysToLift).toBe(30);
    expect(stats.byCategory.find((c) => c.category === 'LEGAL')?.medianDaysToLift).toBeNull();
    expect(computeBlockerStats(rows.slice(2, 4), now, 1).medianDaysToLift).toBe(20);
  });

  it('splits political backing from resources and counts per theme', () => {
    expect(stats.politicalVsResources).toEqual({ political: 1, resources: 4, other: 1, politicalShare: 0.167, resourcesShare: 0.667 });
    expect(stats.byTheme).toEqual([
      { theme: 'EDUCATION', open: 1, lifted: 3, total: 5 },
      { theme: 'GOVERNANCE', open: 1, lifted: 0, total: 1 },
    ]);
  });

  it('builds a gap-free monthly trend ending with the current month', () => {
    expect(stats.trend.map((m) => m.month)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    expect(stats.trend.find((m) => m.month === '2025-01')).toEqual({ month: '2025-01', opened: 5, lifted: 2 });
    expect(stats.trend.find((m) => m.month === '2025-02')).toEqual({ month: '2025-02', opened: 0, lifted: 1 });
    expect(stats.trend.find((m) => m.month === '2024-12')).toEqual({ month: '2024-12', opened: 1, lifted: 0 });
  });
});
