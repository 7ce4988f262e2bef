import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { BlockerEvent } from './blocker-event.entity';
import { BlockersService } from './blockers.service';

@Resolver(() => BlockerEvent)
export class BlockerEventResolver {
  constructor(private readonly blockers: BlockersService) {}

  @ResolveField(() => User, { nullable: true })
  author(@Parent() event: BlockerEvent, @Context() ctx: RequestContext): Promise<User | null> {
    return this.blockers.loadUser(ctx, event.authorId);
  }
}
