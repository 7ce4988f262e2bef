import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { relatedThemes } from '@essaim/domain';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { requestLang } from '../common/request-lang';
import { Project } from '../wiki/project.entity';
import { ComparisonService } from './comparison.service';
import { ComparisonArgs } from './dto/comparison.args';
import { MaturityService } from './maturity.service';
import { Comparison, ComparisonRow } from './models/comparison.model';
import { MaturityComparison } from './models/maturity.model';
import { PeerProjectsService } from './peer-projects.service';
import type { User } from '../accounts/user.entity';

@Resolver(() => Comparison)
export class ComparisonResolver {
  constructor(
    private readonly comparisons: ComparisonService,
    private readonly maturityService: MaturityService,
  ) {}

  @Query(() => Comparison, {
    description:
      'A territory against its peers for one year (default: the latest year with data): value, rank out of n, peer median, best peer and gap for every indicator.',
  })
  @Allow('PUBLIC')
  async comparison(@Args() args: ComparisonArgs, @CurrentUser({ optional: true }) viewer: User | null): Promise<Comparison> {
    return this.comparisons.compare(args, viewer);
  }

  @ResolveField(() => String, {
    description: 'Human-readable description of the peer set, e.g. "Communes de 10 000 à 19 999 habitants (91)"; in English when Accept-Language prefers it.',
  })
  peerDescription(@Parent() comparison: Comparison, @Context() ctx: RequestContext): string {
    return comparison.peerDescriptions[requestLang(ctx.req?.headers?.['accept-language'])];
  }

  @ResolveField(() => MaturityComparison, { description: 'Maturity self-assessments of the territory and the median of the same peers (radar).' })
  maturity(@Parent() comparison: Comparison): Promise<MaturityComparison> {
    return this.maturityService.compare(comparison.territory, comparison.peerCodes, comparison.year);
  }
}

@Resolver(() => ComparisonRow)
export class ComparisonRowResolver {
  constructor(private readonly projectsOfPeers: PeerProjectsService) {}

  @ResolveField(() => [Project], {
    description:
      '« Ce qu’ont fait les mieux classés » : when the territory lags, project sheets on the indicator’s related themes from peers ranked better (best-ranked peer first, at most 3).',
  })
  peerProjects(@Parent() row: ComparisonRow, @Context() ctx: RequestContext): Promise<Project[]> {
    if (!row.lagging) return Promise.resolve([]);
    return this.projectsOfPeers.load(ctx, relatedThemes(row.indicator), row.betterPeerCodes);
  }
}
