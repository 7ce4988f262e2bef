import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../accounts/user.entity';
import { CurrentUser } from '../common/auth/current-user.decorator';

@Resolver(() => User)
export class UserEmailResolver {
  @ResolveField(() => Boolean, { nullable: true, description: 'Whether the address was confirmed (link by e-mail). The account itself and admins only.' })
  async emailVerified(@Parent() user: User, @CurrentUser({ optional: true }) viewer: User | null): Promise<boolean | null> {
    return viewer && (viewer.id === user.id || viewer.role === 'ADMIN') ? user.emailVerifiedAt != null : null;
  }
}
