import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { PageRequest } from '../common/pagination/connection';

export interface ChildPage<T> {
  rows: T[];
  total: number;
}

/**
 * One page of children for many parents at once (e.g. the first 20 revisions of each of 30
 * projects) in three queries: counts per parent, ids of the page with ROW_NUMBER() per
 * parent, then the rows. Lets connection fields batch through a DataLoader.
 */
export async function pagedChildren<T extends ObjectLiteral & { id: number }>(
  repo: Repository<T>,
  parentColumn: string,
  parentKeys: readonly (string | number)[],
  orderSql: string,
  page: PageRequest,
  where?: (qb: SelectQueryBuilder<T>) => void,
): Promise<ChildPage<T>[]> {
  const keys = [...new Set(parentKeys)];
  const base = () => {
    const qb = repo.createQueryBuilder('t').where(`"t"."${parentColumn}" IN (:...keys)`, { keys });
    where?.(qb);
    return qb;
  };
  const counts = await base()
    .select(`"t"."${parentColumn}"`, 'k')
    .addSelect('COUNT(*)', 'n')
    .groupBy(`"t"."${parentColumn}"`)
    .getRawMany<{ k: string | number; n: string | number }>();
  const countOf = new Map(counts.map((c) => [String(c.k), Number(c.n)]));

  let ranked: { id: number; k: string | number; rn: number }[] = [];
  if (page.limit > 0 && counts.length > 0) {
    const inner = base()
      .select('"t"."id"', 'id')
      .addSelect(`"t"."${parentColumn}"`, 'k')
      .addSelect(`ROW_NUMBER() OVER (PARTITION BY "t"."${parentColumn}" ORDER BY ${orderSql})`, 'rn');
    ranked = await repo.manager
      .createQueryBuilder()
      .select('"x"."id"', 'id')
      .addSelect('"x"."k"', 'k')
      .addSelect('"x"."rn"', 'rn')
      .from(`(${inner.getQuery()})`, 'x')
      .setParameters(inner.getParameters())
      .where('"x"."rn" > :lo AND "x"."rn" <= :hi', { lo: page.offset, hi: page.offset + page.limit })
      .getRawMany();
  }
  const ids = ranked.map((r) => Number(r.id));
  const rows = ids.length ? await repo.findBy({ id: In(ids) } as never) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const grouped = new Map<string, { rn: number; row: T }[]>();
  for (const r of ranked) {
    const row = byId.get(Number(r.id));
    if (!row) continue;
    const list = grouped.get(String(r.k)) ?? [];
    list.push({ rn: Number(r.rn), row });
    grouped.set(String(r.k), list);
  }
  return parentKeys.map((key) => ({
    rows: (grouped.get(String(key)) ?? []).sort((a, b) => a.rn - b.rn).map((x) => x.row),
    total: countOf.get(String(key)) ?? 0,
  }));
}
