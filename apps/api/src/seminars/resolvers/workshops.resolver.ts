import { Args, ArgsType, Context, Field, ID, Mutation, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../../common/auth/allow.decorator';
import { Ctx } from '../../common/auth/current-user.decorator';
import type { RequestContext } from '../../common/auth/request-context';
import { AddStakesArgs, WorkshopStateArgs, WorkshopVisibilityArgs } from '../dto/seminar.args';
import { IsRowId } from '../dto/validators';
import { Stake } from '../entities/stake.entity';
import { Workshop } from '../entities/workshop.entity';
import { LiveService } from '../live/live.service';
import { LIVE } from '../live/workshop-snapshot';
import { StakeStatus } from '../models/enums';
import { SeminarAccessService } from '../services/seminar-access.service';
import { SeminarsService } from '../services/seminars.service';

@ArgsType()
class WorkshopIdArgs {
  @Field(() => ID)
  @IsRowId('workshopId')
  workshopId: string;
}

type LiveWorkshop = Workshop & { [LIVE]?: true; stakes?: Stake[]; proposedStakes?: Stake[] };

@Resolver(() => Workshop)
export class WorkshopsResolver {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly access: SeminarAccessService,
    private readonly live: LiveService,
  ) {}

  @Mutation(() => [Stake], { description: 'Appends stakes, numbered in order (blank entries are skipped).' })
  @Allow('FACILITATOR')
  async addStakes(@Args() { workshopId, texts }: AddStakesArgs, @Ctx() ctx: RequestContext): Promise<Stake[]> {
    const workshop = await this.seminars.getWorkshop(Number(workshopId));
    await this.access.requireManager(ctx, workshop.seminarId);
    return this.seminars.addStakes(workshop, texts);
  }

  @Mutation(() => Workshop, { description: 'Opens, closes or reopens voting (facilitators of the seminar).' })
  @Allow('FACILITATOR')
  async setWorkshopState(@Args() { workshopId, state }: WorkshopStateArgs, @Ctx() ctx: RequestContext): Promise<Workshop> {
    const workshop = await this.seminars.getWorkshop(Number(workshopId));
    await this.access.requireManager(ctx, workshop.seminarId);
    return this.seminars.saveWorkshop(workshop, { state });
  }

  @Mutation(() => Workshop)
  @Allow('FACILITATOR')
  async setResultsVisibility(@Args() { workshopId, visibility }: WorkshopVisibilityArgs, @Ctx() ctx: RequestContext): Promise<Workshop> {
    const workshop = await this.seminars.getWorkshop(Number(workshopId));
    await this.access.requireManager(ctx, workshop.seminarId);
    return this.seminars.saveWorkshop(workshop, { resultsVisibility: visibility });
  }

  @Subscription(() => Workshop, {
    description: 'The workshop now, then coalesced updates (state, stakes, results the viewer may see).',
    resolve: (value: Workshop) => value,
  })
  // Public like the `seminar` query (the projector screen follows it without a token); each
  // viewer receives what that query shows them over HTTP, facilitators everything.
  @Allow('PUBLIC')
  async workshopUpdated(@Args() { workshopId }: WorkshopIdArgs, @Ctx() ctx: RequestContext): Promise<AsyncIterableIterator<object>> {
    const workshop = await this.seminars.getWorkshop(Number(workshopId));
    return this.live.subscribe(ctx, workshop);
  }

  @ResolveField(() => [Stake], { description: 'Accepted stakes: numbered ones, then "+" additions.' })
  stakes(@Parent() workshop: LiveWorkshop, @Context() ctx: RequestContext): Promise<Stake[]> | Stake[] {
    if (workshop[LIVE]) return workshop.stakes ?? [];
    return this.seminars.stakesOf(ctx, workshop.id, StakeStatus.ACCEPTED);
  }

  @ResolveField(() => [Stake], { description: 'Stakes proposed by participants, waiting for moderation (facilitators only; empty for others).' })
  async proposedStakes(@Parent() workshop: LiveWorkshop, @Context() ctx: RequestContext): Promise<Stake[]> {
    if (workshop[LIVE]) return workshop.proposedStakes ?? [];
    if (!(await this.access.canManage(ctx, workshop.seminarId))) return [];
    return this.seminars.stakesOf(ctx, workshop.id, StakeStatus.PROPOSED);
  }
}
