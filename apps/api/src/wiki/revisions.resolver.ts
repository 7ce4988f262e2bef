import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { loadUser } from '../common/loaders';
import { isModerator } from '../common/auth/policies';
import { WikiRevision } from './wiki-revision.entity';
import { CurrentUser } from '../common/auth/current-user.decorator';

/** Authors are always shown (attribution); a hidden revision's comment only to moderators. */
@Resolver(() => WikiRevision)
export class RevisionsResolver {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  @ResolveField(() => User, { nullable: true })
  author(@Parent() revision: WikiRevision, @Context() ctx: RequestContext): Promise<User | null> {
    return revision.authorId ? loadUser(ctx, this.users, revision.authorId) : Promise.resolve(null);
  }

  @ResolveField(() => String, { nullable: true })
  async comment(@Parent() revision: WikiRevision, @CurrentUser({ optional: true }) viewer: User | null): Promise<string | null> {
    if (!revision.hidden) return revision.comment;
    return isModerator(viewer) ? revision.comment : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Why a moderator hid the revision (moderators only).' })
  async hiddenReason(@Parent() revision: WikiRevision, @CurrentUser({ optional: true }) viewer: User | null): Promise<string | null> {
    return revision.hidden && isModerator(viewer) ? revision.hiddenReason : null;
  }
}
