import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/auth/request-context';
import { Ctx } from '../common/auth/current-user.decorator';
import { Project } from '../wiki/project.entity';
import { ForumThread } from './entities';
import { ForumReadService } from './forum-read.service';

/** `Project.discussion`: the sheet's Discussion thread, created by its first message. */
@Resolver(() => Project)
export class ProjectDiscussionResolver {
  constructor(private readonly read: ForumReadService) {}

  @ResolveField(() => ForumThread, { nullable: true, description: 'The Discussion thread of the sheet (null until its first message).' })
  discussion(@Parent() project: Project, @Ctx() ctx: RequestContext): Promise<ForumThread | null> {
    return this.read.threadByProject(ctx, project.id);
  }
}
