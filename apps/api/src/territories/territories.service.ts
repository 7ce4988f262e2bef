import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { foldForSearch } from '@essaim/domain';
import { Brackets, Repository } from 'typeorm';
import type { RequestContext } from '../common/auth/request-context';
import { byKeys, groupByKeys, loaderFor } from '../common/loaders';
import { PageRequest } from '../common/pagination/connection';
import { Territory } from './territory.entity';
import { TerritoryKind } from './territory-kind';

export interface TerritoryQuery {
  kind?: TerritoryKind | null;
  departement?: string | null;
  search?: string | null;
}

/**
 * Territories are reference data: written by the import at start only. Loaded ones are kept for
 * the life of the process (all of France is about 37 000 rows), and forgotten after an import.
 */
@Injectable()
export class TerritoriesService {
  private readonly known = new Map<string, Territory | null>();

  constructor(@InjectRepository(Territory) private readonly territories: Repository<Territory>) {}

  forgetLoaded(): void {
    this.known.clear();
  }

  findByCode(code: string): Promise<Territory | null> {
    return this.territories.findOne({ where: { code } });
  }

  /** The collectivité with this SIREN (communes and EPCI carry one), or null. */
  findBySiren(siren: string): Promise<Territory | null> {
    return this.territories.findOne({ where: { siren }, order: { code: 'ASC' } });
  }

  /** From the process's copy, else batched by request: many `territory` fields cost one query. */
  load(ctx: Pick<RequestContext, 'loaders'>, code: string): Promise<Territory | null> {
    const known = this.known.get(code);
    if (known !== undefined) return Promise.resolve(known);
    return loaderFor<string, Territory>(ctx, 'territory', async (codes) => {
      const found = byKeys(codes, await this.territories.findBy(codes.map((c) => ({ code: c }))), (t) => t.code);
      codes.forEach((c, i) => this.known.set(c, found[i] ?? null));
      return found;
    }).load(code);
  }

  /** Members: communes of an EPCI, communes of a département, départements of a région. */
  members(ctx: Pick<RequestContext, 'loaders'>, territory: Territory): Promise<Territory[]> {
    const column = { EPCI: 'epciCode', DEPARTEMENT: 'departementCode', REGION: 'regionCode' } as const;
    if (territory.kind === TerritoryKind.COMMUNE) return Promise.resolve([]);
    const field = column[territory.kind];
    const memberKind = territory.kind === TerritoryKind.REGION ? TerritoryKind.DEPARTEMENT : TerritoryKind.COMMUNE;
    return loaderFor<string, Territory[]>(ctx, `members:${field}`, async (codes) => {
      const rows = await this.territories
        .createQueryBuilder('t')
        .where(`t.${field} IN (:...codes)`, { codes })
        .andWhere('t.kind = :memberKind', { memberKind })
        .orderBy('t.searchName', 'ASC')
        .getMany();
      return groupByKeys(codes, rows, (t) => t[field] as string);
    }).load(territory.code) as Promise<Territory[]>;
  }

  async list(query: TerritoryQuery, page: PageRequest): Promise<[Territory[], number]> {
    const qb = this.territories.createQueryBuilder('t');
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.departement) {
      // An EPCI belongs to every département it touches.
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('t.departementCode = :dep', { dep: query.departement })
            .orWhere(
              `t.kind = 'EPCI' AND t.code IN (SELECT "c"."epciCode" FROM "territory" "c" WHERE "c"."departementCode" = :dep AND "c"."epciCode" IS NOT NULL)`,
            ),
        ),
      );
    }
    const folded = query.search ? foldForSearch(query.search) : '';
    if (folded) {
      const words = folded.split(' ').slice(0, 6);
      words.forEach((word, i) => qb.andWhere(`t.searchName LIKE :w${i}`, { [`w${i}`]: `%${word}%` }));
      // Names that start with the search come first, then the most populated.
      qb.addSelect(`CASE WHEN t.searchName LIKE :prefix THEN 0 ELSE 1 END`, 'starts').setParameter('prefix', `${folded}%`);
      qb.orderBy('starts', 'ASC');
    }
    qb.addOrderBy('t.population', 'DESC', 'NULLS LAST').addOrderBy('t.code', 'ASC');
    return qb.skip(page.offset).take(page.limit).getManyAndCount();
  }
}
