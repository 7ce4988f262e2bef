import {
  BLOCKER_CATEGORIES,
  BlockerCategory,
  BlockerStatus,
  daysBetween,
  isActiveStatus,
  isResolvedStatus,
  median,
  monthKey,
  monthRange,
  POLITICAL_CATEGORIES,
  RESOURCE_CATEGORIES,
  THEMES,
  Theme,
} from '@essaim/domain';
import type { BlockerStats } from './models/blocker-stats.model';

/** What the statistics need of one blocker (never its description). */
export interface BlockerStatRow {
  category: BlockerCategory;
  status: BlockerStatus;
  openedAt: Date;
  resolvedAt: Date | null;
  themes: readonly Theme[];
}

const oneDecimal = (n: number | null) => (n == null ? null : Math.round(n * 10) / 10);
const share = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 1000);

function daysToLift(rows: readonly BlockerStatRow[]): number | null {
  return oneDecimal(median(rows.filter((r) => isResolvedStatus(r.status) && r.resolvedAt).map((r) => daysBetween(r.openedAt, r.resolvedAt as Date))));
}

/** Aggregates blockers for the département view; pure, so the maths is unit-tested. */
export function computeBlockerStats(rows: readonly BlockerStatRow[], now: Date, months: number): BlockerStats {
  const count = (list: readonly BlockerStatRow[], test: (s: BlockerStatus) => boolean) => list.filter((r) => test(r.status)).length;

  const byCategory = BLOCKER_CATEGORIES.map((category) => {
    const list = rows.filter((r) => r.category === category);
    return {
      category,
      open: count(list, isActiveStatus),
      lifted: count(list, isResolvedStatus),
      workedAround: count(list, (s) => s === 'WORKED_AROUND'),
      abandoned: count(list, (s) => s === 'ABANDONED'),
      medianDaysToLift: daysToLift(list),
    };
  });

  const byTheme = THEMES.map((theme) => {
    const list = rows.filter((r) => r.themes.includes(theme));
    return { theme, open: count(list, isActiveStatus), lifted: count(list, isResolvedStatus), total: list.length };
  }).filter((t) => t.total > 0);

  const political = rows.filter((r) => POLITICAL_CATEGORIES.includes(r.category)).length;
  const resources = rows.filter((r) => RESOURCE_CATEGORIES.includes(r.category)).length;

  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const trend = monthRange(start, now).map((month) => ({ month, opened: 0, lifted: 0 }));
  const byMonth = new Map(trend.map((m) => [m.month, m]));
  for (const row of rows) {
    const opened = byMonth.get(monthKey(row.openedAt));
    if (opened) opened.opened += 1;
    if (row.resolvedAt && isResolvedStatus(row.status)) {
      const lifted = byMonth.get(monthKey(row.resolvedAt));
      if (lifted) lifted.lifted += 1;
    }
  }

  return {
    total: rows.length,
    open: count(rows, isActiveStatus),
    lifted: count(rows, isResolvedStatus),
    abandoned: count(rows, (s) => s === 'ABANDONED'),
    medianDaysToLift: daysToLift(rows),
    byCategory,
    byTheme,
    politicalVsResources: {
      political,
      resources,
      other: rows.length - political - resources,
      politicalShare: share(political, rows.length),
      resourcesShare: share(resources, rows.length),
    },
    trend,
  };
}
