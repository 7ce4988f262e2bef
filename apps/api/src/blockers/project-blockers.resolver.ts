import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/auth/request-context';
import { Project } from '../wiki/project.entity';
import { Blocker } from './blocker.entity';
import { BlockersService } from './blockers.service';

/** `Project.blockers`, added to the wiki's type by this feature. */
@Resolver(() => Project)
export class ProjectBlockersResolver {
  constructor(private readonly service: BlockersService) {}

  @ResolveField('blockers', () => [Blocker], { description: 'Active blockers first, then the most recent.' })
  projectBlockers(@Parent() project: Project, @Context() ctx: RequestContext): Promise<Blocker[]> {
    return this.service.forProject(ctx, project.id);
  }
}
