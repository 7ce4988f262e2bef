import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { notFound } from '../common/errors';
import { Blocker } from '../blockers/blocker.entity';
import { Seminar } from '../seminars/entities/seminar.entity';
import { SeminarsService } from '../seminars/services/seminars.service';
import { Territory } from '../territories/territory.entity';
import { TerritoriesService } from '../territories/territories.service';
import { Project } from '../wiki/project.entity';
import { isLate } from './commitment-progress';
import { Commitment } from './commitment.entity';
import { CommitmentBacking } from './commitment.models';
import { CommitmentYear } from './commitment-year.models';
import { CommitmentsService } from './commitments.service';
import {
  AddMilestoneArgs,
  CommitmentProjectArgs,
  CreateCommitmentArgs,
  SeminarCommitmentsArgs,
  SetMilestoneDoneArgs,
  TerritoryCommitmentsArgs,
  TerritoryCommitmentsFilterArgs,
  UpdateCommitmentArgs,
  UpdateMilestoneArgs,
} from './dto/commitment.args';
import { CommitmentMilestone } from './milestone.entity';
import type { User } from '../accounts/user.entity';

const OPEN_BLOCKER = ['OPEN', 'IN_PROGRESS'];

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(
    private readonly service: CommitmentsService,
    private readonly seminars: SeminarsService,
    private readonly territories: TerritoriesService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [Commitment], { description: 'What a seminar decided, in the order it was decided.' })
  @Allow('PUBLIC')
  commitments(@Args() { seminarId }: SeminarCommitmentsArgs): Promise<Commitment[]> {
    return this.service.forSeminar(Number(seminarId));
  }

  @Query(() => [Commitment], { description: 'Commitments a territory carries ("Suivi des engagements"), newest seminar first.' })
  @Allow('PUBLIC')
  territoryCommitments(@Args() { territoryCode, includeMembers, year }: TerritoryCommitmentsFilterArgs): Promise<Commitment[]> {
    return this.service.forTerritory(territoryCode, { includeMembers, year });
  }

  @Query(() => [CommitmentYear], { description: "The yearly view: a territory's commitments (its members' included) counted per year and seminar." })
  @Allow('PUBLIC')
  commitmentYears(@Args() { territoryCode }: TerritoryCommitmentsArgs): Promise<CommitmentYear[]> {
    return this.service.yearsFor(territoryCode);
  }

  @Mutation(() => Commitment, { description: "Turns a stake of a closed workshop into a commitment (the seminar's facilitators)." })
  @Allow('MEMBER')
  async createCommitment(@Args() { stakeId, details }: CreateCommitmentArgs, @CurrentUser() user: User, @Ctx() ctx: RequestContext): Promise<Commitment> {
    return this.service.create(ctx, user, Number(stakeId), details);
  }

  @Mutation(() => Commitment, { description: 'Status, lead territory, contact, target date, progress (facilitators, verified members of the lead territory).' })
  @Allow('MEMBER')
  async updateCommitment(@Args() { id, input }: UpdateCommitmentArgs, @CurrentUser() user: User, @Ctx() ctx: RequestContext): Promise<Commitment> {
    return this.service.update(ctx, user, id, input);
  }

  @Mutation(() => Commitment, { description: 'Links a project sheet that implements the commitment.' })
  @Allow('MEMBER')
  async linkCommitmentProject(
    @Args() { commitmentId, projectId }: CommitmentProjectArgs,
    @CurrentUser() user: User,
    @Ctx() ctx: RequestContext,
  ): Promise<Commitment> {
    return this.service.link(ctx, user, commitmentId, projectId, true);
  }

  @Mutation(() => Commitment)
  @Allow('MEMBER')
  async unlinkCommitmentProject(
    @Args() { commitmentId, projectId }: CommitmentProjectArgs,
    @CurrentUser() user: User,
    @Ctx() ctx: RequestContext,
  ): Promise<Commitment> {
    return this.service.link(ctx, user, commitmentId, projectId, false);
  }

  @Mutation(() => CommitmentMilestone)
  @Allow('MEMBER')
  async addCommitmentMilestone(
    @Args() { commitmentId, title, dueDate }: AddMilestoneArgs,
    @CurrentUser() user: User,
    @Ctx() ctx: RequestContext,
  ): Promise<CommitmentMilestone> {
    return this.service.addMilestone(ctx, user, commitmentId, title, dueDate);
  }

  @Mutation(() => CommitmentMilestone)
  @Allow('MEMBER')
  async setCommitmentMilestoneDone(
    @Args() { id, done }: SetMilestoneDoneArgs,
    @CurrentUser() user: User,
    @Ctx() ctx: RequestContext,
  ): Promise<CommitmentMilestone> {
    return this.service.setMilestoneDone(ctx, user, id, done);
  }

  @Mutation(() => CommitmentMilestone, { description: "Changes a milestone's title or due date (facilitators, verified members of the lead territory)." })
  @Allow('MEMBER')
  async updateCommitmentMilestone(
    @Args() { id, title, dueDate }: UpdateMilestoneArgs,
    @CurrentUser() user: User,
    @Ctx() ctx: RequestContext,
  ): Promise<CommitmentMilestone> {
    return this.service.updateMilestone(ctx, user, id, { title, dueDate });
  }

  @ResolveField(() => Int, { description: '0 to 100.' })
  progress(@Parent() c: Commitment, @Context() ctx: RequestContext): Promise<number> {
    return this.service.progress(ctx, c);
  }

  @ResolveField(() => Seminar)
  async seminar(@Parent() c: Commitment, @Context() ctx: RequestContext): Promise<Seminar> {
    const seminar = await this.seminars.loadSeminar(ctx, c.seminarId);
    if (!seminar) throw notFound('SEMINAR_NOT_FOUND');
    return seminar;
  }

  @ResolveField(() => [Project])
  projects(@Parent() c: Commitment, @Context() ctx: RequestContext): Promise<Project[]> {
    return this.service.projectsOf(ctx, c.id);
  }

  @ResolveField(() => Territory, { nullable: true })
  leadTerritory(@Parent() c: Commitment, @Context() ctx: RequestContext): Promise<Territory | null> {
    return c.leadTerritoryCode ? this.territories.load(ctx, c.leadTerritoryCode) : Promise.resolve(null);
  }

  @ResolveField(() => CommitmentBacking)
  backing(@Parent() c: Commitment): CommitmentBacking {
    return this.service.backing(c);
  }

  @ResolveField(() => [CommitmentMilestone])
  milestones(@Parent() c: Commitment, @Context() ctx: RequestContext): Promise<CommitmentMilestone[]> {
    return this.service.milestonesOf(ctx, c.id);
  }

  @ResolveField(() => [Blocker], { description: 'Open blockers of the linked sheets (confidential descriptions stay hidden as elsewhere).' })
  async blockers(@Parent() c: Commitment, @Context() ctx: RequestContext): Promise<Blocker[]> {
    const projects = await this.service.projectsOf(ctx, c.id);
    if (!projects.length) return [];
    return this.dataSource.getRepository(Blocker).find({ where: { projectId: In(projects.map((p) => p.id)), status: In(OPEN_BLOCKER) }, order: { id: 'ASC' } });
  }

  @ResolveField(() => Boolean, { description: 'Past its target date and not done or abandoned.' })
  late(@Parent() c: Commitment): boolean {
    return isLate(c);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may edit it.' })
  async viewerCanEdit(@Parent() c: Commitment, @CurrentUser({ optional: true }) viewer: User | null, @Context() ctx: RequestContext): Promise<boolean> {
    return this.service.canEdit(ctx, viewer, c);
  }
}

/** "Répond à l'engagement … du séminaire du 4 juillet 2018" on a sheet. */
@Resolver(() => Project)
export class ProjectCommitmentsResolver {
  constructor(private readonly service: CommitmentsService) {}

  @ResolveField(() => [Commitment], { description: 'Seminar commitments this sheet implements.' })
  commitments(@Parent() project: Project, @Context() ctx: RequestContext): Promise<Commitment[]> {
    return this.service.ofProject(ctx, project.id);
  }
}

@Resolver(() => CommitmentMilestone)
export class CommitmentMilestonesResolver {
  @ResolveField(() => Boolean, { description: 'Past its due date and not done.' })
  late(@Parent() m: CommitmentMilestone): boolean {
    return !m.doneAt && m.dueDate.getTime() < Date.now();
  }
}
