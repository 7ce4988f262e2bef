import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { roleIncludes } from '@essaim/domain';
import { forbidden, unauthenticated } from '../errors';
import { ALLOW_KEY, Audience } from './allow.decorator';
import type { RequestContext } from './request-context';

@Injectable()
export class AllowGuard implements CanActivate {
  private readonly logger = new Logger(AllowGuard.name);

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const parentType = gql.getInfo()?.parentType?.name;
    if (!['Query', 'Mutation', 'Subscription'].includes(parentType)) return true;

    const audiences = this.reflector.get<Audience[] | undefined>(ALLOW_KEY, context.getHandler());
    if (!audiences) {
      this.logger.error(`${parentType}.${gql.getInfo().fieldName} has no @Allow(): refused`);
      throw forbidden();
    }
    if (audiences.includes('PUBLIC')) return true;

    const ctx = gql.getContext<RequestContext>();
    const { user } = await ctx.auth();
    if (audiences.includes('PARTICIPANT') && (user || ctx.participantToken)) return true;
    if (!user) throw unauthenticated();
    if (audiences.some((a) => a !== 'PARTICIPANT' && a !== 'PUBLIC' && roleIncludes(user.role, a))) return true;
    throw forbidden();
  }
}
