import { Args, Context, Float, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { costPerInhabitant } from '@essaim/domain';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { pageRequest, toConnection } from '../common/pagination/connection';
import { PaginationArgs } from '../common/pagination/pagination.args';
import { TerritoriesService } from '../territories/territories.service';
import { Territory } from '../territories/territory.entity';
import { ProjectConnection, RevisionConnection } from './connections';
import { ProjectsArgs } from './dto/project-filter.input';
import { CreateProjectArgs, DiffArgs, HideRevisionArgs, IdArgs, ReplicateProjectArgs, RestoreRevisionArgs, SlugArgs, UpdateProjectArgs } from './dto/wiki.args';
import { Page } from './page.entity';
import { PagesService } from './pages.service';
import { Project } from './project.entity';
import { ProjectsService } from './projects.service';
import { RevisionDiff } from './revision-diff';
import { RevisionsService } from './revisions.service';
import { linkKey, WikiLinksService } from './wiki-links.service';
import type { User } from '../accounts/user.entity';

@Resolver(() => Project)
export class ProjectsResolver {
  constructor(
    private readonly projectsService: ProjectsService,
    private readonly pagesService: PagesService,
    private readonly revisionsService: RevisionsService,
    private readonly linksService: WikiLinksService,
    private readonly territories: TerritoriesService,
  ) {}

  @Query(() => Project, { nullable: true, description: 'Null for a draft unless the viewer belongs to its territory (or moderates).' })
  @Allow('PUBLIC')
  async project(@Args() { slug }: SlugArgs, @CurrentUser({ optional: true }) viewer: User | null): Promise<Project | null> {
    const project = await this.projectsService.findBySlug(slug);
    return project?.isDraft ? this.projectsService.visibleTo(viewer, project) : project;
  }

  @Query(() => ProjectConnection)
  @Allow('PUBLIC')
  async projects(@Args() args: ProjectsArgs) {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.projectsService.list(args.filter, page);
    return toConnection(nodes, total, page);
  }

  @Mutation(() => Project)
  @Allow('MEMBER')
  async createProject(@Args() { input }: CreateProjectArgs, @CurrentUser() user: User): Promise<Project> {
    return this.projectsService.create(user, input);
  }

  @Mutation(() => Project, { description: 'CONFLICT (with currentRevision and current content in extensions) when baseRevision is stale.' })
  @Allow('MEMBER')
  async updateProject(@Args() { id, baseRevision, input, comment }: UpdateProjectArgs, @CurrentUser() user: User): Promise<Project> {
    return this.projectsService.update(user, id, baseRevision, input, comment);
  }

  @Mutation(() => Project, { description: 'Saves an old revision again as a new revision.' })
  @Allow('MEMBER')
  async restoreProjectRevision(@Args() { id, revision }: RestoreRevisionArgs, @CurrentUser() user: User): Promise<Project> {
    return this.projectsService.restore(user, id, revision);
  }

  @Mutation(() => Project, {
    description:
      "Creates a draft sheet for the adopting territory, pre-filled from the source and linked to it; what describes the source's territory (contact, results, budget, local narrative) is cleared or marked « À adapter ». Published by publishProject.",
  })
  @Allow('MEMBER')
  async replicateProject(@Args() { sourceId, territoryCode }: ReplicateProjectArgs, @CurrentUser() user: User): Promise<Project> {
    return this.projectsService.replicate(user, sourceId, territoryCode);
  }

  @Mutation(() => Project, {
    description: 'Publishes a draft (a replication): it then appears in lists, search and open data. Members of its territory and the moderation.',
  })
  @Allow('MEMBER')
  async publishProject(@Args() { id }: IdArgs, @CurrentUser() user: User): Promise<Project> {
    return this.projectsService.publish(user, id);
  }

  @Mutation(() => Project, { description: 'Moderators hide (or show again) a revision from public history; never deleted.' })
  @Allow('MODERATOR')
  async hideProjectRevision(@Args() { id, revision, hidden, reason }: HideRevisionArgs, @CurrentUser() user: User): Promise<Project> {
    return this.projectsService.setRevisionHidden(user, id, revision, hidden, reason);
  }

  @ResolveField(() => String, { description: 'Body rendered on the server with the allowlist sanitizer.' })
  bodyHtml(@Parent() project: Project, @Context() ctx: RequestContext): Promise<string> {
    return this.linksService.render(ctx, project.body);
  }

  @ResolveField(() => Territory)
  async territory(@Parent() project: Project, @Context() ctx: RequestContext): Promise<Territory> {
    return (await this.territories.load(ctx, project.territoryCode)) as Territory;
  }

  @ResolveField(() => Float, { nullable: true, description: 'Budget divided by the owner territory population, in euros.' })
  async costPerInhabitant(@Parent() project: Project, @Context() ctx: RequestContext): Promise<number | null> {
    if (project.budgetEuros === null) return null;
    const territory = await this.territories.load(ctx, project.territoryCode);
    return costPerInhabitant(project.budgetEuros, territory?.population);
  }

  @ResolveField(() => RevisionConnection)
  async revisions(@Parent() project: Project, @Args() args: PaginationArgs, @Context() ctx: RequestContext) {
    const page = pageRequest(args.first, args.after);
    const { rows, total } = await this.revisionsService.page(ctx, 'PROJECT', project.id, page);
    return toConnection(rows, total, page);
  }

  @ResolveField(() => RevisionDiff, { description: 'Word-by-word comparison of two revisions.' })
  async diff(@Parent() project: Project, @Args() { from, to }: DiffArgs, @CurrentUser({ optional: true }) viewer: User | null): Promise<RevisionDiff> {
    return this.projectsService.diff(viewer, project, from, to);
  }

  @ResolveField(() => Project, { nullable: true })
  replicatedFrom(@Parent() project: Project, @Context() ctx: RequestContext): Promise<Project | null> {
    return project.replicatedFromId ? this.projectsService.load(ctx, project.replicatedFromId) : Promise.resolve(null);
  }

  @ResolveField(() => [Project])
  replications(@Parent() project: Project, @Context() ctx: RequestContext): Promise<Project[]> {
    return this.projectsService.replications(ctx, project.id);
  }

  @ResolveField(() => [Page], { description: 'Wiki pages linking to this sheet with [[…]].' })
  async backlinks(@Parent() project: Project, @Context() ctx: RequestContext): Promise<Page[]> {
    const ids = await this.linksService.backlinkSourceIds(ctx, 'PAGE', [project.slug, project.titleKey ?? linkKey(project.title)]);
    return this.pagesService.loadMany(ctx, ids);
  }

  @ResolveField(() => Boolean, { description: 'Whether the logged-in user may edit this sheet.' })
  async viewerCanEdit(@Parent() project: Project, @CurrentUser({ optional: true }) viewer: User | null): Promise<boolean> {
    return this.projectsService.canEdit(viewer, project);
  }
}
