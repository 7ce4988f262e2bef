import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TerritoryKind } from '../territories/territory-kind';
import { Territory } from '../territories/territory.entity';
import { Project } from '../wiki/project.entity';
import { projectRecord, ProjectRecord } from './project-record';
import { COLLECTIVITE_COLUMNS, collectiviteRow, PROJET_COLUMNS, projetRow } from './projet-schema';

const BATCH = 500;

/** Builds export records in batches (a fixed number of queries per 500 sheets). */
@Injectable()
export class OpenDataService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async *records(): AsyncIterable<ProjectRecord[]> {
    let after = 0;
    for (;;) {
      const batch = await this.projects.find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: BATCH });
      if (batch.length === 0) return;
      after = batch[batch.length - 1].id;
      // Drafts (replications not yet confirmed) are not published data.
      const rows = batch.filter((p) => !p.isDraft);
      if (rows.length === 0) continue;
      const codes = [...new Set(rows.map((p) => p.territoryCode))];
      const sourceIds = [...new Set(rows.map((p) => p.replicatedFromId).filter((id): id is number => id !== null))];
      const [territories, sources, counts] = await Promise.all([
        this.territories.findBy({ code: In(codes) }),
        sourceIds.length ? this.projects.find({ where: { id: In(sourceIds) }, select: { id: true, slug: true } }) : Promise.resolve([]),
        this.projects
          .createQueryBuilder('p')
          .select('p.replicatedFromId', 'id')
          .addSelect('COUNT(*)', 'n')
          .where('p.replicatedFromId IN (:...ids)', { ids: rows.map((p) => p.id) })
          .andWhere('p.isDraft = :draft', { draft: false })
          .groupBy('p.replicatedFromId')
          .getRawMany<{ id: number; n: string | number }>(),
      ]);
      const territoryOf = new Map(territories.map((t) => [t.code, t]));
      const sourceOf = new Map(sources.map((s) => [s.id, s as Project]));
      const countOf = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
      yield rows.map((p) =>
        projectRecord(
          p,
          territoryOf.get(p.territoryCode) ?? null,
          p.replicatedFromId ? (sourceOf.get(p.replicatedFromId) ?? null) : null,
          countOf.get(p.id) ?? 0,
          this.config.publicUrl,
        ),
      );
    }
  }

  /** `projets-territoire` rows of the published project schema, in batches, ordered by id. */
  async *projetsTerritoire(): AsyncIterable<(string | number | string[] | null)[][]> {
    let after = 0;
    for (;;) {
      const rows = await this.projects.find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: BATCH });
      if (rows.length === 0) return;
      yield rows.map((p) => PROJET_COLUMNS.map((c) => projetRow(p)[c]));
      after = rows[rows.length - 1].id;
    }
  }

  /** `collectivites` rows: every territory with at least one sheet (dates: its first and latest sheet). */
  async collectivites(): Promise<(string | number | string[] | null)[][]> {
    const spans = await this.projects
      .createQueryBuilder('p')
      .select('p.territoryCode', 'code')
      .addSelect('MIN(p.createdAt)', 'first')
      .addSelect('MAX(p.updatedAt)', 'last')
      .groupBy('p.territoryCode')
      .getRawMany<{ code: string; first: string | Date; last: string | Date }>();
    const codes = spans.map((s) => s.code);
    const territories = codes.length ? await this.territories.findBy({ code: In(codes) }) : [];
    const departements = await this.territories.find({ select: { code: true, regionCode: true }, where: { kind: TerritoryKind.DEPARTEMENT } });
    const departementRegion = new Map(departements.filter((d) => d.regionCode).map((d) => [d.code, d.regionCode!]));
    const byCode = new Map(territories.map((t) => [t.code, t]));
    const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`));
    return spans
      .filter((s) => byCode.has(s.code))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((s) => {
        const row = collectiviteRow(byCode.get(s.code)!, asDate(s.first), asDate(s.last), departementRegion);
        return COLLECTIVITE_COLUMNS.map((c) => row[c]);
      });
  }
}
