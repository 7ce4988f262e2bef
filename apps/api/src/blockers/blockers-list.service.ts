import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PageRequest } from '../common/pagination/connection';
import { applyBlockerScope } from './blocker-scope';
import { Blocker } from './blocker.entity';
import type { BlockersArgs, BlockerSort } from './dto/blockers-list.args';

/** The browsable list of /freins: every filter of the statistics, plus category, status and severity. */
@Injectable()
export class BlockersListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(args: BlockersArgs, page: PageRequest): Promise<{ nodes: Blocker[]; total: number }> {
    const qb = this.dataSource.getRepository(Blocker).createQueryBuilder('b').innerJoin('b.project', 'p').innerJoin('p.territory', 't');
    applyBlockerScope(qb, args);
    if (args.category) qb.andWhere('b.category = :category', { category: args.category });
    if (args.status) qb.andWhere('b.status = :status', { status: args.status });
    if (args.severity) qb.andWhere('b.severity = :severity', { severity: args.severity });
    order(qb, args.sort ?? 'ACTIVE_FIRST');
    // offset/limit, not skip/take: the joins are many-to-one (no duplicate rows) and ordering by
    // expressions breaks the two-step query TypeORM uses for skip/take with joins.
    const [nodes, total] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    return { nodes, total };
  }
}

type Qb = ReturnType<ReturnType<DataSource['getRepository']>['createQueryBuilder']>;

/** Every ordering ends with the id, so pages never overlap or skip a row. */
function order(qb: Qb, sort: BlockerSort): void {
  switch (sort) {
    case 'NEWEST':
      qb.orderBy('b.openedAt', 'DESC');
      break;
    case 'OLDEST':
      qb.orderBy('b.openedAt', 'ASC');
      break;
    case 'SEVERITY':
      qb.orderBy(`CASE WHEN b.severity = 'BLOCKING' THEN 0 ELSE 1 END`, 'ASC').addOrderBy('b.openedAt', 'DESC');
      break;
    case 'RECENTLY_RESOLVED':
      qb.orderBy(`CASE WHEN b.resolvedAt IS NULL THEN 1 ELSE 0 END`, 'ASC').addOrderBy('b.resolvedAt', 'DESC').addOrderBy('b.openedAt', 'DESC');
      break;
    default:
      qb.orderBy(`CASE WHEN b.status IN ('OPEN', 'IN_PROGRESS') THEN 0 ELSE 1 END`, 'ASC').addOrderBy('b.openedAt', 'DESC');
  }
  qb.addOrderBy('b.id', 'DESC');
}
