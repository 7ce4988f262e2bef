import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { User } from '../../accounts/user.entity';
import { unauthenticated } from '../errors';
import type { RequestContext } from './request-context';

/** The GraphQL request context (auth, loaders, ip). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
});

/**
 * The logged-in user: `@CurrentUser() user: User` where `@Allow` requires an account
 * (UNAUTHENTICATED otherwise), `@CurrentUser({ optional: true }) viewer: User | null` where
 * anyone may ask and the answer depends on who asks. The session is resolved once per request.
 */
export const CurrentUser = createParamDecorator(async (options: { optional?: boolean } | undefined, context: ExecutionContext): Promise<User | null> => {
  const { user } = await GqlExecutionContext.create(context).getContext<RequestContext>().auth();
  if (!user && !options?.optional) throw unauthenticated();
  return user;
});
