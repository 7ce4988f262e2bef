import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BLOCKER_TRANSITIONS } from '@essaim/domain';
import { User } from '../accounts/user.entity';
import { Allow } from '../common/auth/allow.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { RateLimiter } from '../common/rate-limit';
import { Project } from '../wiki/project.entity';
import { ProjectsService } from '../wiki/projects.service';
import { BlockerEvent } from './blocker-event.entity';
import { Blocker } from './blocker.entity';
import { BlockerStatus } from './blocker-enums';
import { BlockerEditsService } from './blocker-edits.service';
import { BlockerStatsService, DEFAULT_TREND_MONTHS } from './blocker-stats.service';
import { BlockerSuggestionsService } from './blocker-suggestions.service';
import { BlockersService, CONFIDENTIAL_DESCRIPTION } from './blockers.service';
import { BlockerStatsArgs, EditBlockerArgs, ReportBlockerArgs, UpdateBlockerArgs } from './dto/blocker.args';
import { BlockerStats } from './models/blocker-stats.model';
import { BlockersListService } from './blockers-list.service';
import { BlockersArgs } from './dto/blockers-list.args';
import { BlockerConnection } from './blocker-connection';
import { type Connection, pageRequest, toConnection } from '../common/pagination/connection';
import { CurrentUser } from '../common/auth/current-user.decorator';

@Resolver(() => Blocker)
export class BlockersResolver {
  /** Reporting is cheap to abuse: 30 blockers per account and hour is far above real use. */
  private readonly reportLimiter = new RateLimiter(30, 3_600_000);

  constructor(
    private readonly blockers: BlockersService,
    private readonly edits: BlockerEditsService,
    private readonly suggestionsService: BlockerSuggestionsService,
    private readonly statsService: BlockerStatsService,
    private readonly list: BlockersListService,
    private readonly projects: ProjectsService,
  ) {}

  @Query(() => BlockerStats, { description: 'Département view: open and lifted blockers by category, theme and month.' })
  @Allow('PUBLIC')
  blockerStats(@Args() args: BlockerStatsArgs): Promise<BlockerStats> {
    return this.statsService.stats(args, args.months ?? DEFAULT_TREND_MONTHS);
  }

  @Query(() => BlockerConnection, {
    name: 'blockers',
    description: 'Blockers to browse (/freins), filtered like blockerStats plus category, status and severity.',
  })
  @Allow('PUBLIC')
  async blockerList(@Args() args: BlockersArgs): Promise<Connection<Blocker>> {
    const page = pageRequest(args.first, args.after);
    const { nodes, total } = await this.list.list(args, page);
    return toConnection(nodes, total, page);
  }

  @Query(() => Blocker, { nullable: true })
  @Allow('PUBLIC')
  blocker(@Args('id', { type: () => ID }) id: string): Promise<Blocker | null> {
    return this.blockers.findById(id);
  }

  @Mutation(() => Blocker)
  @Allow('MEMBER')
  async reportBlocker(@Args() { projectId, input }: ReportBlockerArgs, @CurrentUser() user: User): Promise<Blocker> {
    this.reportLimiter.consume(`user:${user.id}`);
    return this.blockers.report(user, projectId, input);
  }

  @Mutation(() => Blocker)
  @Allow('MEMBER')
  async updateBlocker(@Args() { id, status, resolution, comment }: UpdateBlockerArgs, @CurrentUser() user: User): Promise<Blocker> {
    return this.blockers.changeStatus(user, id, { status, resolution, comment });
  }

  @Mutation(() => Blocker, { description: 'Corrects category, severity or description; fails with CONFLICT when baseRevision is not the current revision.' })
  @Allow('MEMBER')
  async editBlocker(@Args() { id, input, baseRevision }: EditBlockerArgs, @CurrentUser() user: User): Promise<Blocker> {
    return this.edits.edit(user, id, input, baseRevision);
  }

  @ResolveField(() => Project)
  async project(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<Project> {
    return (await this.projects.load(ctx, blocker.projectId)) as Project;
  }

  @ResolveField(() => String, { description: 'A neutral text replaces the description of a confidential blocker for outsiders.' })
  async description(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<string> {
    return (await this.canSeeDetails(blocker, ctx)) ? blocker.description : CONFIDENTIAL_DESCRIPTION;
  }

  @ResolveField(() => Boolean, { description: 'True when the viewer gets the neutral text instead of the description.' })
  async descriptionHidden(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<boolean> {
    return !(await this.canSeeDetails(blocker, ctx));
  }

  @ResolveField(() => [BlockerEvent], { description: 'Report, every status change and every edit, oldest first.' })
  async timeline(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<BlockerEvent[]> {
    const [events, visible] = await Promise.all([this.blockers.timeline(ctx, blocker.id), this.canSeeDetails(blocker, ctx)]);
    return visible ? events : events.map((e) => ({ ...e, comment: null, previousDescription: null }));
  }

  @ResolveField(() => [Blocker], { description: 'For an active blocker: lifted ones of the same category elsewhere, best first (docs/blockers.md).' })
  suggestions(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<Blocker[]> {
    return this.suggestionsService.suggestions(ctx, blocker);
  }

  @ResolveField(() => User, { nullable: true })
  reportedBy(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<User | null> {
    return this.blockers.loadUser(ctx, blocker.reportedById);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who lifted, worked around or abandoned it: the team to ask.' })
  resolvedBy(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<User | null> {
    return this.blockers.loadUser(ctx, blocker.resolvedById);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may change its status and edit it.' })
  async canUpdate(@Parent() blocker: Blocker, @Context() ctx: RequestContext): Promise<boolean> {
    const [{ user }, project] = await Promise.all([ctx.auth(), this.projects.load(ctx, blocker.projectId)]);
    return !!project && this.blockers.canManage(user, project);
  }

  @ResolveField(() => [BlockerStatus], { description: 'Statuses it may move to next.' })
  nextStatuses(@Parent() blocker: Blocker): BlockerStatus[] {
    return [...BLOCKER_TRANSITIONS[blocker.status]];
  }

  private async canSeeDetails(blocker: Blocker, ctx: RequestContext): Promise<boolean> {
    if (!blocker.confidential) return true;
    const [{ user }, project] = await Promise.all([ctx.auth(), this.projects.load(ctx, blocker.projectId)]);
    return !!project && this.blockers.canManage(user, project);
  }
}
