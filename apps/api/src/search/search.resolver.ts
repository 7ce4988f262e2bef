import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { SearchArgs } from './dto/search.args';
import { SearchResult } from './models/search-result.model';
import { SearchService } from './search.service';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  /** Public: the index only ever holds content everyone may read. */
  @Query(() => SearchResult)
  @Allow('PUBLIC')
  search(@Args() args: SearchArgs): Promise<SearchResult> {
    return this.service.search(args);
  }
}
