import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { computeStakeResult, formatScore, ScoreCount } from '@essaim/domain';
import { In, Repository } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
import { groupByKeys, loaderFor } from '../../common/loaders';
import { SeminarGroup } from '../entities/group.entity';
import { SeminarScore } from '../entities/score.entity';
import { StakeResults } from '../models/results.model';

export interface StakeScoreCount extends ScoreCount {
  stakeId: number;
}

/** Results are computed from one GROUP BY over the scores (stake, group, value → count). */
@Injectable()
export class ResultsService {
  constructor(@InjectRepository(SeminarScore) private readonly scores: Repository<SeminarScore>) {}

  async countsFor(stakeIds: number[]): Promise<StakeScoreCount[]> {
    if (stakeIds.length === 0) return [];
    const rows = await this.scores
      .createQueryBuilder('s')
      .select('s.stakeId', 'stakeId')
      .addSelect('s.groupId', 'groupId')
      .addSelect('s.value', 'value')
      .addSelect('COUNT(*)', 'count')
      .where('s.stakeId IN (:...stakeIds)', { stakeIds })
      .groupBy('s.stakeId')
      .addGroupBy('s.groupId')
      .addGroupBy('s.value')
      .getRawMany<{ stakeId: number | string; groupId: number | string; value: number | string; count: number | string }>();
    return rows.map((r) => ({ stakeId: Number(r.stakeId), groupId: String(r.groupId), value: Number(r.value), count: Number(r.count) }));
  }

  /** Batched per request: every `results` field of a response costs one query. */
  countsOf(ctx: Pick<RequestContext, 'loaders'>, stakeId: number): Promise<StakeScoreCount[]> {
    return loaderFor<number, StakeScoreCount[]>(ctx, 'seminar-score-counts', async (ids) =>
      groupByKeys(ids, await this.countsFor([...ids]), (r) => r.stakeId),
    ).load(stakeId) as Promise<StakeScoreCount[]>;
  }

  toResults(counts: ScoreCount[], groups: SeminarGroup[]): StakeResults {
    const result = computeStakeResult(
      counts,
      groups.map((g) => String(g.id)),
    );
    const byId = new Map(groups.map((g) => [String(g.id), g]));
    return {
      mean: result.mean,
      count: result.count,
      distribution: result.distribution,
      divergent: result.divergent,
      formatted: formatScore(result.mean),
      byGroup: result.byGroup
        .filter((g) => byId.has(g.groupId))
        .map((g) => ({ group: byId.get(g.groupId)!, mean: g.mean, count: g.count, formatted: g.formatted })),
    };
  }

  /** The score each stake got from one participant (the phone screen shows its own choices). */
  async participantScores(participantId: number, stakeIds: number[]): Promise<Map<number, number>> {
    if (stakeIds.length === 0) return new Map();
    const rows = await this.scores.find({ select: { stakeId: true, value: true }, where: { participantId, stakeId: In(stakeIds) } });
    return new Map(rows.map((r) => [r.stakeId, Number(r.value)]));
  }
}
