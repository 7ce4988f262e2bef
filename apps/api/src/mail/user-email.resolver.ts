import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';

@Resolver(() => User)
export class UserEmailResolver {
  @ResolveField(() => Boolean, { nullable: true, description: 'Whether the address was confirmed (link by e-mail). The account itself and admins only.' })
  async emailVerified(@Parent() user: User, @Context() ctx: RequestContext): Promise<boolean | null> {
    const viewer = (await ctx.auth()).user;
    return viewer && (viewer.id === user.id || viewer.role === 'ADMIN') ? user.emailVerifiedAt != null : null;
  }
}
