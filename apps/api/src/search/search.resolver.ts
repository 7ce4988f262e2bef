import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { SearchArgs } from './dto/search.args';
import { SearchResult } from './models/search-result.model';
import { SearchService } from './search.service';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  /** Public: the index only ever holds content everyone may read. A logged-in viewer's département comes first among territories. */
  @Query(() => SearchResult)
  @Allow('PUBLIC')
  async search(@Args() args: SearchArgs, @Context() ctx: RequestContext): Promise<SearchResult> {
    const { user } = await ctx.auth();
    return this.service.search(args, user);
  }
}
