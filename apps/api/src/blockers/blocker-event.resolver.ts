import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { blockerEventKind } from './blocker-edit';
import { BlockerEvent } from './blocker-event.entity';
import { BlockerEventKind } from './blocker-enums';
import { BlockersService } from './blockers.service';

@Resolver(() => BlockerEvent)
export class BlockerEventResolver {
  constructor(private readonly blockers: BlockersService) {}

  @ResolveField(() => BlockerEventKind)
  kind(@Parent() event: BlockerEvent): BlockerEventKind {
    return blockerEventKind(event);
  }

  @ResolveField(() => User, { nullable: true })
  author(@Parent() event: BlockerEvent, @Context() ctx: RequestContext): Promise<User | null> {
    return this.blockers.loadUser(ctx, event.authorId);
  }
}
