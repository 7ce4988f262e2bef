import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { Bilingual } from '../../common/request-lang';
import { Territory } from '../../territories/territory.entity';
import { Indicator } from '../indicator.entity';
import { PeerGroup } from '../peer-group.enum';
import { PeerScope } from '../peer-scope.enum';

@ObjectType({ description: 'One peer’s value for an indicator, with its rank in the same ranking as the compared territory.' })
export class PeerValue {
  @Field(() => Territory)
  territory: Territory;

  @Field(() => Float)
  value: number;

  @Field(() => Int)
  rank: number;
}

@ObjectType({ description: 'One year of an indicator: the territory’s value and the median of its peers.' })
export class SeriesPoint {
  @Field(() => Int)
  year: number;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  peerMedian: number | null;

  @Field(() => Int, { description: 'Peers with a value that year.' })
  peerCount: number;
}

@ObjectType('DataSource', { description: 'Where a figure comes from: producer and dataset, licence, vintage; isDemo for generated demo figures.' })
export class DataSourceInfo {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  licence: string | null;

  @Field(() => String, { nullable: true, description: 'The producer’s release, e.g. "2025-03-31" or "2024-T4"; null for figures typed by a collectivité.' })
  vintage: string | null;

  @Field()
  isDemo: boolean;
}

@ObjectType({
  description:
    'An indicator compared for one year. rank: standard competition rank (ties share the best rank) among the territory and its peers that have a value; null when the territory has none. outOf: how many of them have a value (territories without one are left out, not ranked last).',
})
export class ComparisonRow {
  @Field(() => Indicator)
  indicator: Indicator;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Int, { nullable: true })
  rank: number | null;

  @Field(() => Int)
  outOf: number;

  @Field(() => Float, { nullable: true, description: 'Median of the peers’ values (the territory itself excluded).' })
  peerMedian: number | null;

  @Field(() => Territory, { nullable: true, description: 'The best peer, respecting higherIsBetter (ties: first by name).' })
  best: Territory | null;

  @Field(() => Float, { nullable: true })
  bestValue: number | null;

  @Field(() => Float, { nullable: true, description: 'value − peerMedian (positive: above the median, whatever the direction).' })
  gap: number | null;

  @Field(() => Float, { nullable: true, description: 'value − bestValue.' })
  gapToBest: number | null;

  @Field({ description: 'True when the territory does worse than the peer median, respecting higherIsBetter.' })
  lagging: boolean;

  @Field(() => [PeerValue], { description: 'Peers with a value, best first.' })
  peerValues: PeerValue[];

  @Field(() => [SeriesPoint], { description: 'Every year with data, oldest first, for the time series.' })
  series: SeriesPoint[];

  @Field(() => DataSourceInfo, { nullable: true, description: "Where the territory's value comes from (null when it has none)." })
  source: DataSourceInfo | null;

  @Field({ description: 'True when the values of this row (the territory’s or its peers’) are generated demonstration figures, not statistics.' })
  isDemo: boolean;

  /** Peers doing better than the territory, best first (for peerProjects). */
  betterPeerCodes: string[];
}

@ObjectType()
export class Comparison {
  @Field(() => Territory)
  territory: Territory;

  @Field(() => [Territory], { description: 'The peers, by name (the territory itself never included).' })
  peers: Territory[];

  @Field(() => Int)
  year: number;

  @Field(() => [ComparisonRow])
  rows: ComparisonRow[];

  @Field(() => PeerGroup)
  peerGroup: PeerGroup;

  /** Both languages; the `peerDescription` field resolver gives the caller's (Accept-Language). */
  peerDescriptions: Bilingual;

  @Field(() => [Int], { description: 'Years with at least one value for the territory or its peers, newest first.' })
  years: number[];

  @Field(() => [DataSourceInfo], { description: 'Every source of the values compared for the chosen year (the territory’s and its peers’), demo last.' })
  sources: DataSourceInfo[];

  @Field(() => Int, { description: 'How many peers (fewer than 5: the comparison says little).' })
  peerCount: number;

  @Field(() => PeerScope, { nullable: true, description: 'POPULATION_BAND: where the peers were looked for.' })
  peerScope: PeerScope | null;

  /** Kept for the maturity field resolver. */
  peerCodes: string[];
}
