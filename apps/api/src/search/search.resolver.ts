import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { SearchArgs } from './dto/search.args';
import { SearchResult } from './models/search-result.model';
import { SearchService } from './search.service';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { User } from '../accounts/user.entity';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  /** Public: the index only ever holds content everyone may read. A logged-in viewer's département comes first among territories. */
  @Query(() => SearchResult)
  @Allow('PUBLIC')
  async search(@Args() args: SearchArgs, @CurrentUser({ optional: true }) user: User | null): Promise<SearchResult> {
    return this.service.search(args, user);
  }
}
