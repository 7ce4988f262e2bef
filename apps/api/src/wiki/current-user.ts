import type { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { unauthenticated } from '../common/errors';

/** The logged-in user of a mutation already guarded by @Allow(role). */
export async function currentUser(ctx: RequestContext): Promise<User> {
  const { user } = await ctx.auth();
  if (!user) throw unauthenticated();
  return user;
}
