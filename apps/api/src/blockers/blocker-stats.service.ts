import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isTheme } from '@essaim/domain';
import { DataSource } from 'typeorm';
import { applyBlockerScope, type BlockerScope } from './blocker-scope';
import { Blocker } from './blocker.entity';
import { BlockerStatRow, computeBlockerStats } from './blocker-stats';
import type { BlockerStats } from './models/blocker-stats.model';

export type { BlockerScope };

export const DEFAULT_TREND_MONTHS = 24;

/**
 * Statistics for the département view and the open-data export. Confidential blockers count
 * like the others: only category, status, dates and project themes are read, never descriptions.
 */
@Injectable()
export class BlockerStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(scope: BlockerScope, months = DEFAULT_TREND_MONTHS, now = new Date()): Promise<BlockerStats> {
    return computeBlockerStats(await this.rows(scope), now, months);
  }

  async rows(scope: BlockerScope): Promise<BlockerStatRow[]> {
    const qb = this.dataSource
      .getRepository(Blocker)
      .createQueryBuilder('b')
      .innerJoin('b.project', 'p')
      .innerJoin('p.territory', 't')
      .select(['b.category AS category', 'b.status AS status', 'b.openedAt AS "openedAt"', 'b.resolvedAt AS "resolvedAt"', 'p.themes AS themes']);
    applyBlockerScope(qb, scope);
    const raw = await qb.getRawMany<{ category: string; status: string; openedAt: string | Date; resolvedAt: string | Date | null; themes: string }>();
    return raw.map((r) => ({
      category: r.category as BlockerStatRow['category'],
      status: r.status as BlockerStatRow['status'],
      openedAt: toDate(r.openedAt),
      resolvedAt: r.resolvedAt == null ? null : toDate(r.resolvedAt),
      themes: (r.themes ?? '').split(',').filter(isTheme),
    }));
  }
}

/** Raw SQLite datetimes come back as "YYYY-MM-DD HH:MM:SS(.sss)" in UTC; PostgreSQL gives Dates. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
