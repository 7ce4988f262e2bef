import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { ConnectionType, pageRequest, toConnection } from '../common/pagination/connection';
import { TerritoriesArgs, TerritoryArgs } from './territories.args';
import { TerritoriesService } from './territories.service';
import { Territory } from './territory.entity';

export const TerritoryConnection = ConnectionType(Territory, 'Territory');

@Resolver(() => Territory)
export class TerritoriesResolver {
  constructor(private readonly service: TerritoriesService) {}

  @Query(() => Territory, { nullable: true })
  @Allow('PUBLIC')
  territory(@Args() { code }: TerritoryArgs): Promise<Territory | null> {
    return this.service.findByCode(code);
  }

  @Query(() => TerritoryConnection)
  @Allow('PUBLIC')
  async territories(@Args() args: TerritoriesArgs) {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.service.list(args, page);
    return toConnection(nodes, total, page);
  }

  @ResolveField(() => Territory, { nullable: true })
  departement(@Parent() t: Territory, @Context() ctx: RequestContext): Promise<Territory | null> {
    return t.departementCode ? this.service.load(ctx, t.departementCode) : Promise.resolve(null);
  }

  @ResolveField(() => Territory, { nullable: true })
  epci(@Parent() t: Territory, @Context() ctx: RequestContext): Promise<Territory | null> {
    return t.epciCode ? this.service.load(ctx, t.epciCode) : Promise.resolve(null);
  }

  @ResolveField(() => Territory, { nullable: true })
  region(@Parent() t: Territory, @Context() ctx: RequestContext): Promise<Territory | null> {
    return t.regionCode ? this.service.load(ctx, t.regionCode) : Promise.resolve(null);
  }

  @ResolveField(() => [Territory])
  members(@Parent() t: Territory, @Context() ctx: RequestContext): Promise<Territory[]> {
    return this.service.members(ctx, t);
  }
}
