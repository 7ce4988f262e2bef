import type { Theme } from '@essaim/domain';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { themePattern } from '../common/themes-column';

export interface BlockerScope {
  departement?: string | null;
  epci?: string | null;
  theme?: Theme | null;
}

/**
 * Narrows a query on blockers joined to their project `p` and its territory `t`: a project
 * belongs to a département when its territory is the département, one of its communes, or an
 * EPCI with at least one commune in it; to an EPCI when it is the EPCI or one of its communes.
 */
export function applyBlockerScope<T extends object>(qb: SelectQueryBuilder<T>, scope: BlockerScope): SelectQueryBuilder<T> {
  if (scope.departement) {
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('t.departementCode = :dep')
          .orWhere('t.code = :dep')
          .orWhere(
            `t.kind = 'EPCI' AND t.code IN (SELECT "c"."epciCode" FROM "territory" "c" WHERE "c"."departementCode" = :dep AND "c"."epciCode" IS NOT NULL)`,
          ),
      ),
      { dep: scope.departement },
    );
  }
  if (scope.epci) qb.andWhere(new Brackets((w) => w.where('t.code = :epci').orWhere('t.epciCode = :epci')), { epci: scope.epci });
  if (scope.theme) qb.andWhere('p.themes LIKE :theme', { theme: themePattern(scope.theme) });
  return qb;
}
