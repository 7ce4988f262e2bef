import { Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/auth/allow.decorator';
import { Ctx } from '../../common/auth/current-user.decorator';
import type { RequestContext } from '../../common/auth/request-context';
import { SessionsService } from '../sessions.service';
import { FlowSealer } from './flow-cookie';
import { ProconnectClient } from './proconnect-client';

export enum AuthProvider {
  PROCONNECT = 'PROCONNECT',
}
registerEnumType(AuthProvider, { name: 'AuthProvider', description: 'An identity provider one can log in with, besides a password.' });

@Resolver()
export class ProconnectResolver {
  private readonly sealer: FlowSealer | null;

  constructor(
    private readonly client: ProconnectClient,
    private readonly sessions: SessionsService,
  ) {
    this.sealer = client.settings ? new FlowSealer(client.settings.clientSecret) : null;
  }

  @Query(() => [AuthProvider], { description: 'Identity providers this instance offers (ProConnect when its three settings are set).' })
  @Allow('PUBLIC')
  authProviders(): AuthProvider[] {
    return this.client.settings ? [AuthProvider.PROCONNECT] : [];
  }

  @Query(() => String, {
    nullable: true,
    description: 'After a ProConnect login: the provider URL that ends its session too. Ask before `logout`, then send the browser there; null otherwise.',
  })
  @Allow('PUBLIC')
  async endSessionUrl(@Ctx() ctx: RequestContext): Promise<string | null> {
    if (!this.sealer) return null;
    const { sessionId } = await ctx.auth();
    const idToken = await this.sessions.idTokenOf(sessionId);
    return idToken ? this.client.endSessionUrl(idToken, this.sealer.logoutState()) : null;
  }
}
