import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { PageConnection, RevisionConnection } from './connections';
import { CreatePageArgs, DiffArgs, HideRevisionArgs, PreviewArgs, RestoreRevisionArgs, SlugArgs, UpdatePageArgs } from './dto/wiki.args';
import { Page } from './page.entity';
import { PagesService } from './pages.service';
import { Project } from './project.entity';
import { ProjectsService } from './projects.service';
import { RevisionDiff } from './revision-diff';
import { RevisionsService } from './revisions.service';
import { WikiLinksService } from './wiki-links.service';
import type { User } from '../accounts/user.entity';
import { problem } from '../common/validation/problem';

@ArgsType()
class PagesArgs extends PaginationArgs {
  @Field(() => ID, { nullable: true, description: 'Only the children of this page; omit for every page.' })
  @IsOptional()
  @Matches(/^\d{1,12}$/, problem('INVALID_ID'))
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only top-level pages (roots of the page tree).' })
  @IsOptional()
  @IsBoolean()
  rootsOnly?: boolean | null;
}

@Resolver(() => Page)
export class PagesResolver {
  constructor(
    private readonly pagesService: PagesService,
    private readonly projectsService: ProjectsService,
    private readonly revisionsService: RevisionsService,
    private readonly linksService: WikiLinksService,
  ) {}

  @Query(() => Page, { nullable: true })
  @Allow('PUBLIC')
  page(@Args() { slug }: SlugArgs): Promise<Page | null> {
    return this.pagesService.findBySlug(slug);
  }

  @Query(() => PageConnection, { description: 'Wiki pages in alphabetical order (the page tree uses parent/children).' })
  @Allow('PUBLIC')
  async pages(@Args() args: PagesArgs) {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.pagesService.list(page, args.rootsOnly ? null : (args.parentId ?? undefined));
    return toConnection(nodes, total, page);
  }

  @Query(() => String, { description: 'Renders Markdown exactly like a saved body (editor live preview).' })
  @Allow('PUBLIC')
  previewMarkdown(@Args() { markdown }: PreviewArgs, @Context() ctx: RequestContext): Promise<string> {
    return this.linksService.render(ctx, markdown);
  }

  @Mutation(() => Page)
  @Allow('MEMBER')
  async createPage(@Args() { input }: CreatePageArgs, @CurrentUser() user: User): Promise<Page> {
    return this.pagesService.create(user, input);
  }

  @Mutation(() => Page, { description: 'CONFLICT (with currentRevision and current content in extensions) when baseRevision is stale.' })
  @Allow('MEMBER')
  async updatePage(@Args() { id, baseRevision, input, comment }: UpdatePageArgs, @CurrentUser() user: User): Promise<Page> {
    return this.pagesService.update(user, id, baseRevision, input, comment);
  }

  @Mutation(() => Page)
  @Allow('MEMBER')
  async restorePageRevision(@Args() { id, revision }: RestoreRevisionArgs, @CurrentUser() user: User): Promise<Page> {
    return this.pagesService.restore(user, id, revision);
  }

  @Mutation(() => Page)
  @Allow('MODERATOR')
  async hidePageRevision(@Args() { id, revision, hidden, reason }: HideRevisionArgs, @CurrentUser() user: User): Promise<Page> {
    return this.pagesService.setRevisionHidden(user, id, revision, hidden, reason);
  }

  @ResolveField(() => String)
  bodyHtml(@Parent() page: Page, @Context() ctx: RequestContext): Promise<string> {
    return this.linksService.render(ctx, page.body);
  }

  @ResolveField(() => RevisionConnection)
  async revisions(@Parent() page: Page, @Args() args: PaginationArgs, @Context() ctx: RequestContext) {
    const request = pageRequest(args.first, args.after);
    const { rows, total } = await this.revisionsService.page(ctx, 'PAGE', page.id, request);
    return toConnection(rows, total, request);
  }

  @ResolveField(() => RevisionDiff)
  async diff(@Parent() page: Page, @Args() { from, to }: DiffArgs, @CurrentUser({ optional: true }) viewer: User | null): Promise<RevisionDiff> {
    return this.pagesService.diff(viewer, page, from, to);
  }

  @ResolveField(() => [Page], { description: 'Pages linking here with [[…]].' })
  async backlinks(@Parent() page: Page, @Context() ctx: RequestContext): Promise<Page[]> {
    const ids = await this.linksService.backlinkSourceIds(ctx, 'PAGE', [page.slug, page.titleKey]);
    return this.pagesService.loadMany(
      ctx,
      ids.filter((id) => id !== page.id),
    );
  }

  @ResolveField(() => [Project], { description: 'Project sheets linking here with [[…]].' })
  async projectBacklinks(@Parent() page: Page, @Context() ctx: RequestContext): Promise<Project[]> {
    const ids = await this.linksService.backlinkSourceIds(ctx, 'PROJECT', [page.slug, page.titleKey]);
    const projects = await Promise.all(ids.map((id) => this.projectsService.load(ctx, id)));
    return projects.filter((p): p is Project => !!p);
  }

  @ResolveField(() => Page, { nullable: true })
  parent(@Parent() page: Page, @Context() ctx: RequestContext): Promise<Page | null> {
    return page.parentId ? this.pagesService.load(ctx, page.parentId) : Promise.resolve(null);
  }

  @ResolveField(() => [Page])
  children(@Parent() page: Page, @Context() ctx: RequestContext): Promise<Page[]> {
    return this.pagesService.children(ctx, page.id);
  }
}
