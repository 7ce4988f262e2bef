import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { Connection, pageRequest, toConnection } from '../common/pagination/connection';
import { ThreadListArgs } from './dto/forum.args';
import { ForumCategory, ForumThread } from './entities';
import { ForumReadService } from './forum-read.service';
import { ThreadConnection } from './models/connections';
import { problem } from '../common/validation/problem';

@ArgsType()
class CategorySlugArgs {
  @Field()
  @IsString()
  @Matches(/^[a-z0-9-]{1,64}$/, problem('UNKNOWN_CATEGORY'))
  slug: string;
}

@Resolver(() => ForumCategory)
export class CategoriesResolver {
  constructor(private readonly read: ForumReadService) {}

  @Query(() => [ForumCategory], { description: 'Forum categories: "Général", "Entraide", then one per theme.' })
  @Allow('PUBLIC')
  categories(): Promise<ForumCategory[]> {
    return this.read.categories();
  }

  @Query(() => ForumCategory, { nullable: true, description: 'A forum category by its slug (as in /forum/<slug>).' })
  @Allow('PUBLIC')
  forumCategory(@Args() { slug }: CategorySlugArgs): Promise<ForumCategory | null> {
    return this.read.categoryBySlug(slug);
  }

  @ResolveField(() => ThreadConnection, { description: 'Pinned threads first, then by `sort` (latest activity by default).' })
  async threads(@Parent() category: ForumCategory, @Args() args: ThreadListArgs): Promise<Connection<ForumThread>> {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.read.threads({ categoryId: category.id }, args.sort ?? 'LATEST', page);
    return toConnection(nodes, total, page);
  }

  @ResolveField(() => Int)
  threadCount(@Parent() category: ForumCategory, @Ctx() ctx: RequestContext): Promise<number> {
    return this.read.threadCount(ctx, category.id);
  }
}
