import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/auth/request-context';
import { pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { Territory } from '../territories/territory.entity';
import { ProjectConnection } from './connections';
import { ProjectsService } from './projects.service';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { User } from '../accounts/user.entity';

/** `Territory.projects`: the sheets a territory carries (its replications included, marked by replicatedFrom; drafts for its members). */
@Resolver(() => Territory)
export class TerritoryProjectsResolver {
  constructor(private readonly projectsService: ProjectsService) {}

  @ResolveField(() => ProjectConnection)
  async projects(
    @Parent() territory: Territory,
    @Args() args: PaginationArgs,
    @CurrentUser({ optional: true }) viewer: User | null,
    @Context() ctx: RequestContext,
  ) {
    const page = pageRequest(args.first, args.after);
    const withDrafts = this.projectsService.canEdit(viewer, { territoryCode: territory.code });
    const { rows, total } = await this.projectsService.ofTerritory(ctx, territory.code, page, withDrafts);
    return toConnection(rows, total, page);
  }
}
