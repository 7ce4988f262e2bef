import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { PeerListIdArgs, SavePeerListArgs } from './dto/peer-list.args';
import { PeerList } from './peer-list.entity';
import { PeerListsService } from './peer-lists.service';

@Resolver(() => PeerList)
export class PeerListsResolver {
  constructor(private readonly lists: PeerListsService) {}

  @Query(() => [PeerList], { description: 'Your saved custom peer lists (at most 50).' })
  @Allow('MEMBER')
  async myPeerLists(@Ctx() ctx: RequestContext): Promise<PeerList[]> {
    return this.lists.mine((await ctx.auth()).user!);
  }

  @Mutation(() => PeerList, { description: 'Saves a named custom peer list (same name: replaces it).' })
  @Allow('MEMBER')
  async savePeerList(@Args() args: SavePeerListArgs, @Ctx() ctx: RequestContext): Promise<PeerList> {
    return this.lists.save((await ctx.auth()).user!, args);
  }

  @Mutation(() => Boolean)
  @Allow('MEMBER')
  async deletePeerList(@Args() { id }: PeerListIdArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.lists.delete((await ctx.auth()).user!, Number(id));
  }
}
