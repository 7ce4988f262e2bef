import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { PeerListIdArgs, SavePeerListArgs } from './dto/peer-list.args';
import { PeerList } from './peer-list.entity';
import { PeerListsService } from './peer-lists.service';
import type { User } from '../accounts/user.entity';

@Resolver(() => PeerList)
export class PeerListsResolver {
  constructor(private readonly lists: PeerListsService) {}

  @Query(() => [PeerList], { description: 'Your saved custom peer lists (at most 50).' })
  @Allow('MEMBER')
  async myPeerLists(@CurrentUser() user: User): Promise<PeerList[]> {
    return this.lists.mine(user);
  }

  @Mutation(() => PeerList, { description: 'Saves a named custom peer list (same name: replaces it).' })
  @Allow('MEMBER')
  async savePeerList(@Args() args: SavePeerListArgs, @CurrentUser() user: User): Promise<PeerList> {
    return this.lists.save(user, args);
  }

  @Mutation(() => Boolean)
  @Allow('MEMBER')
  async deletePeerList(@Args() { id }: PeerListIdArgs, @CurrentUser() user: User): Promise<boolean> {
    return this.lists.delete(user, Number(id));
  }
}
