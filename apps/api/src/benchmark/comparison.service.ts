import { Injectable } from '@nestjs/common';
import { compareWithPeers, derivedValue, latestYear, maxFigureYear, median } from '@essaim/domain';
import type { User } from '../accounts/user.entity';
import type { Territory } from '../territories/territory.entity';
import { ComparisonArgs } from './dto/comparison.args';
import type { Indicator } from './indicator.entity';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsService } from './indicators.service';
import type { IndicatorValue } from './indicator-value.entity';
import { Comparison, ComparisonRow, DataSourceInfo, SeriesPoint } from './models/comparison.model';
import { distinctSources, provenanceOf } from './provenance';
import { PeersService } from './peers.service';

/** Compared values: indicator id → year → territory code → value (per inhabitant when due). */
type ValueIndex = Map<number, Map<number, Map<string, number>>>;

/**
 * Builds the comparison of a territory with its peers: for every indicator, rank, outOf,
 * peer median, best peer and gaps for the chosen year (the maths is in @essaim/domain), plus
 * every year's value and peer median for the time series. Two queries: peers, then values.
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly peers: PeersService,
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
  ) {}

  async compare(args: ComparisonArgs, viewer: User | null): Promise<Comparison> {
    const { territory, peers, description, scope } = await this.peers.resolve(args, viewer);
    const everyone = [territory, ...peers];
    const [indicators, rows] = await Promise.all([this.indicators.all(), this.values.currentFor(everyone.map((t) => t.code))]);
    const index = this.indexValues(indicators, everyone, rows);
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
    // A future year (typo stored before years were checked) never becomes the default.
    const year = args.year ?? latestYear(years.filter((y) => y <= maxFigureYear())) ?? new Date().getFullYear() - 1;
    const byCode = new Map(everyone.map((t) => [t.code, t]));
    const provenance = new Map<string, IndicatorValue>();
    for (const row of rows) if (row.year === year) provenance.set(`${row.indicatorId}|${row.territoryCode}`, row);
    // Demo figures are hidden for an indicator once it has real ones (currentFor()), so a row mixes none.
    const demoIndicators = new Set([...provenance.values()].filter((r) => r.isDemo).map((r) => r.indicatorId));
    const sourceOf = (indicatorId: number, code: string): DataSourceInfo | null => {
      const row = provenance.get(`${indicatorId}|${code}`);
      return row ? provenanceOf(row) : null;
    };
    return {
      territory,
      peers,
      peerGroup: args.peerGroup,
      peerDescriptions: description,
      peerCodes: peers.map((p) => p.code),
      year,
      years,
      rows: indicators.map((indicator) => ({
        ...this.row(indicator, territory, peers, year, index, byCode, [...years].reverse()),
        source: sourceOf(indicator.id, territory.code),
        isDemo: demoIndicators.has(indicator.id),
      })),
      sources: distinctSources([...provenance.values()].map(provenanceOf)),
      peerCount: peers.length,
      peerScope: scope,
    };
  }

  private indexValues(
    indicators: Indicator[],
    everyone: Territory[],
    rows: { indicatorId: number; territoryCode: string; year: number; rawValue: number }[],
  ): ValueIndex {
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const population = new Map(everyone.map((t) => [t.code, t.population]));
    const index: ValueIndex = new Map();
    for (const row of rows) {
      const indicator = byId.get(row.indicatorId);
      if (!indicator) continue;
      const value = derivedValue(row.rawValue, indicator.perInhabitants, population.get(row.territoryCode) ?? null);
      if (value === null) continue;
      let years = index.get(row.indicatorId);
      if (!years) index.set(row.indicatorId, (years = new Map()));
      let territories = years.get(row.year);
      if (!territories) years.set(row.year, (territories = new Map()));
      territories.set(row.territoryCode, value);
    }
    return index;
  }

  private row(
    indicator: Indicator,
    territory: Territory,
    peers: Territory[],
    year: number,
    index: ValueIndex,
    byCode: Map<string, Territory>,
    yearsAscending: number[],
  ): Omit<ComparisonRow, 'source' | 'isDemo'> {
    const valuesOf = (y: number) => index.get(indicator.id)?.get(y) ?? new Map<string, number>();
    const atYear = valuesOf(year);
    const result = compareWithPeers(
      { key: territory.code, value: atYear.get(territory.code) ?? null },
      peers.map((p) => ({ key: p.code, value: atYear.get(p.code) ?? null })),
      indicator.higherIsBetter,
    );
    const better = new Set(result.betterPeers);
    const series: SeriesPoint[] = yearsAscending
      .map((y) => {
        const values = valuesOf(y);
        const peerValues = peers.map((p) => values.get(p.code)).filter((v): v is number => v !== undefined);
        return { year: y, value: values.get(territory.code) ?? null, peerMedian: median(peerValues), peerCount: peerValues.length };
      })
      .filter((point) => point.value !== null || point.peerCount > 0);
    return {
      indicator,
      value: result.value,
      rank: result.rank,
      outOf: result.outOf,
      peerMedian: result.peerMedian,
      best: result.best ? (byCode.get(result.best.key) ?? null) : null,
      bestValue: result.best?.value ?? null,
      gap: result.gap,
      gapToBest: result.value !== null && result.best ? result.value - result.best.value : null,
      lagging: result.lagging,
      peerValues: result.ranking.map((r) => ({ territory: byCode.get(r.key)!, value: r.value, rank: r.rank })),
      series,
      betterPeerCodes: result.ranking.filter((r) => better.has(r.key)).map((r) => r.key),
    };
  }
}
