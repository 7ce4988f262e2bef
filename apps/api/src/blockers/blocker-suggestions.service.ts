import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isActiveStatus, RESOLVED_STATUSES, rankSuggestions } from '@essaim/domain';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../common/auth/request-context';
import { loaderFor } from '../common/loaders';
import { TerritoriesService } from '../territories/territories.service';
import { ProjectsService } from '../wiki/projects.service';
import { themesColumn } from '../common/themes-column';
import { Blocker } from './blocker.entity';
import { BlockerCategory } from './blocker-enums';

export const MAX_SUGGESTIONS = 5;
/** Candidates considered per category: the most recently resolved ones. */
const CANDIDATE_POOL = 300;

interface Candidate {
  blocker: Blocker;
  id: number;
  projectId: number;
  resolvedAt: Date;
  themes: string[];
  population: number | null;
}

/**
 * "Who lifted it": for an active blocker, lifted or worked-around blockers of the same
 * category on other projects, ranked by `rankSuggestions` (formula in docs/blockers.md).
 */
@Injectable()
export class BlockerSuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly territories: TerritoriesService,
  ) {}

  async suggestions(ctx: Pick<RequestContext, 'loaders'>, blocker: Blocker, now = new Date()): Promise<Blocker[]> {
    if (!isActiveStatus(blocker.status)) return [];
    const project = await this.projects.load(ctx, blocker.projectId);
    if (!project) return [];
    const territory = await this.territories.load(ctx, project.territoryCode);
    const candidates = await this.candidates(ctx, blocker.category);
    const others = candidates.filter((c) => c.projectId !== blocker.projectId);
    return rankSuggestions({ themes: project.themes, population: territory?.population ?? null }, others, now)
      .slice(0, MAX_SUGGESTIONS)
      .map((r) => r.candidate.blocker);
  }

  /** One query per request for all categories asked, with each candidate's project themes and population. */
  private candidates(ctx: Pick<RequestContext, 'loaders'>, category: BlockerCategory): Promise<Candidate[]> {
    return loaderFor<BlockerCategory, Candidate[]>(ctx, 'blockers:suggestionCandidates', async (categories) =>
      Promise.all(categories.map((c) => this.queryCandidates(c))),
    ).load(category) as Promise<Candidate[]>;
  }

  private async queryCandidates(category: BlockerCategory): Promise<Candidate[]> {
    const rows = await this.dataSource
      .getRepository(Blocker)
      .createQueryBuilder('b')
      .innerJoin('b.project', 'p')
      .innerJoin('p.territory', 't')
      .addSelect(['p.themes', 't.population'])
      .where('b.category = :category', { category })
      .andWhere('b.status IN (:...statuses)', { statuses: [...RESOLVED_STATUSES] })
      .andWhere('b.resolvedAt IS NOT NULL')
      .orderBy('b.resolvedAt', 'DESC')
      .addOrderBy('b.id', 'ASC')
      .limit(CANDIDATE_POOL)
      .getRawAndEntities();
    const rawById = new Map((rows.raw as Record<string, unknown>[]).map((r) => [Number(r['b_id']), r]));
    return rows.entities.map((blocker) => {
      const raw = rawById.get(blocker.id) ?? {};
      return {
        blocker,
        id: blocker.id,
        projectId: blocker.projectId,
        resolvedAt: blocker.resolvedAt as Date,
        themes: themesColumn.from(raw['p_themes'] as string) as string[],
        population: raw['t_population'] == null ? null : Number(raw['t_population']),
      };
    });
  }
}
