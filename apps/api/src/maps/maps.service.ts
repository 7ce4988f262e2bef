import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ACTIVE_STATUSES, derivedValue, Theme } from '@essaim/domain';
import { DataSource, Repository } from 'typeorm';
import { IndicatorValuesService } from '../benchmark/indicator-values.service';
import { IndicatorsService } from '../benchmark/indicators.service';
import type { Comparison } from '../benchmark/models/comparison.model';
import { distinctSources, provenanceOf } from '../benchmark/provenance';
import { Blocker } from '../blockers/blocker.entity';
import { notFound } from '../common/errors';
import { themePattern } from '../common/themes-column';
import { TerritoryKind } from '../territories/territory-kind';
import { Territory } from '../territories/territory.entity';
import { BaseMap, BaseMapsService } from './base-maps.service';
import { MapLevel, TerritoryMap } from './models/territory-map.model';
import { quantileClasses } from './render/quantile-classes';

interface Marks {
  values?: Map<string, number>;
  highlighted?: (code: string) => boolean;
  peers?: Set<string>;
}

/** The maps the pages show: where a territory is, an indicator across the département, open blockers. */
@Injectable()
export class MapsService {
  constructor(
    private readonly baseMaps: BaseMapsService,
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The territory's département with the territory (a commune, an EPCI's communes) highlighted. */
  async location(code: string): Promise<TerritoryMap | null> {
    const territory = await this.territories.findOne({ where: { code } });
    if (!territory) throw notFound('TERRITORY_CODE_NOT_FOUND', { code });
    const departement = departementOf(territory);
    if (!departement) return null;
    const base = await this.baseMaps.baseMap(departement, MapLevel.COMMUNE);
    if (!base) return null;
    let highlighted: (code: string) => boolean = () => false;
    if (territory.kind === TerritoryKind.COMMUNE) highlighted = (c) => c === territory.code;
    if (territory.kind === TerritoryKind.EPCI) {
      const members = await this.territories.find({ select: { code: true }, where: { kind: TerritoryKind.COMMUNE, epciCode: territory.code } });
      const codes = new Set(members.map((m) => m.code));
      highlighted = (c) => codes.has(c);
    }
    return this.compose(base, { highlighted });
  }

  /** The chosen indicator across the département (communes or EPCI), in quantile classes. */
  async indicator(comparison: Comparison, indicatorCode: string | null, level: MapLevel | null): Promise<TerritoryMap | null> {
    const { territory } = comparison;
    const departement = departementOf(territory);
    if (!departement) return null;
    const chosenLevel = level ?? (territory.kind === TerritoryKind.EPCI ? MapLevel.EPCI : MapLevel.COMMUNE);
    const base = await this.baseMaps.baseMap(departement, chosenLevel);
    if (!base) return null;
    const code = indicatorCode ?? comparison.rows.find((r) => r.lagging)?.indicator.code ?? comparison.rows[0]?.indicator.code;
    if (!code) return this.compose(base, {});
    const indicator = await this.indicators.byCode(code);
    const rows = await this.values.currentFor(base.areas.map((a) => a.code));
    const population = new Map(base.areas.map((a) => [a.code, a.population]));
    const values = new Map<string, number>();
    const used: typeof rows = [];
    for (const row of rows) {
      if (row.indicatorId !== indicator.id || row.year !== comparison.year) continue;
      const value = derivedValue(row.rawValue, indicator.perInhabitants, population.get(row.territoryCode) ?? null);
      if (value === null) continue;
      values.set(row.territoryCode, value);
      used.push(row);
    }
    const valueSources = distinctSources(used.map(provenanceOf));
    const map = this.compose(base, {
      values,
      peers: new Set(comparison.peerCodes),
      highlighted: (c) => c === territory.code || (chosenLevel === MapLevel.EPCI && c === territory.epciCode),
    });
    return { ...map, indicatorCode: indicator.code, valueSources, isDemo: valueSources.some((s) => s.isDemo) };
  }

  /** Open blockers (open or in progress) of the projects of each commune of the département. */
  async blockers(departement: string, theme: Theme | null): Promise<TerritoryMap | null> {
    const base = await this.baseMaps.baseMap(departement, MapLevel.COMMUNE);
    if (!base) return null;
    const qb = this.dataSource
      .getRepository(Blocker)
      .createQueryBuilder('b')
      .innerJoin('b.project', 'p')
      .innerJoin('p.territory', 't')
      .select('t.code', 'code')
      .addSelect('COUNT(*)', 'n')
      .where('t.kind = :kind', { kind: TerritoryKind.COMMUNE })
      .andWhere('t.departementCode = :departement', { departement })
      .andWhere('b.status IN (:...statuses)', { statuses: [...ACTIVE_STATUSES] })
      .groupBy('t.code');
    if (theme) qb.andWhere('p.themes LIKE :theme', { theme: themePattern(theme) });
    const counts = new Map((await qb.getRawMany<{ code: string; n: string | number }>()).map((r) => [r.code, Number(r.n)]));
    return this.compose(base, { values: new Map(base.areas.map((a) => [a.code, counts.get(a.code) ?? 0])) });
  }

  private compose(base: BaseMap, marks: Marks): TerritoryMap {
    const values = base.areas.map((a) => marks.values?.get(a.code) ?? null);
    const { classOf, classes } = marks.values ? quantileClasses(values) : { classOf: values.map(() => null), classes: [] };
    return {
      width: base.width,
      height: base.height,
      level: base.level,
      departementCode: base.departementCode,
      departementName: base.departementName,
      indicatorCode: null,
      areas: base.areas.map((a, i) => ({
        code: a.code,
        name: a.name,
        kind: a.kind,
        d: a.d,
        value: values[i],
        classIndex: classOf[i],
        highlighted: marks.highlighted?.(a.code) ?? false,
        peer: marks.peers?.has(a.code) ?? false,
      })),
      legend: classes,
      noDataCount: marks.values ? values.filter((v) => v === null).length : 0,
      missingOutlines: base.missingOutlines,
      sources: base.sources,
      valueSources: [],
      isDemo: false,
    };
  }
}

function departementOf(territory: Territory): string | null {
  if (territory.kind === TerritoryKind.DEPARTEMENT) return territory.code;
  if (territory.kind === TerritoryKind.REGION) return null;
  return territory.departementCode;
}
