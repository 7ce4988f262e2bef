import type { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { unauthenticated } from '../common/errors';

export async function viewer(ctx: RequestContext): Promise<User | null> {
  return (await ctx.auth()).user;
}

/** For operations whose @Allow already requires a user: the user, typed. */
export async function requireViewer(ctx: RequestContext): Promise<User> {
  const user = (await ctx.auth()).user;
  if (!user) throw unauthenticated();
  return user;
}
