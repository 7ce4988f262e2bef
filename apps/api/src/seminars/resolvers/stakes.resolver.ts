import { Args, Context, Float, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/auth/allow.decorator';
import { Ctx } from '../../common/auth/current-user.decorator';
import type { RequestContext } from '../../common/auth/request-context';
import { loaderFor } from '../../common/loaders';
import { ProposeReformulationArgs, ProposeStakeArgs, RowIdArgs } from '../dto/seminar.args';
import { Reformulation } from '../entities/reformulation.entity';
import { Stake } from '../entities/stake.entity';
import { LIVE, SnapshotStake } from '../live/workshop-snapshot';
import { StakeResults, TextSegmentModel } from '../models/results.model';
import { ReformulationsService } from '../services/reformulations.service';
import { ResultsService } from '../services/results.service';
import { SeminarAccessService } from '../services/seminar-access.service';
import { SeminarsService } from '../services/seminars.service';
import { resultsVisible } from '../services/visibility';

type MaybeLive = Stake & { [LIVE]?: true; results?: StakeResults | null; reformulations?: SnapshotStake['reformulations'] };

@Resolver(() => Stake)
export class StakesResolver {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly resultsService: ResultsService,
    private readonly access: SeminarAccessService,
    private readonly reformulationService: ReformulationsService,
  ) {}

  @Mutation(() => Reformulation)
  @Allow('PARTICIPANT')
  proposeReformulation(@Args() { stakeId, text }: ProposeReformulationArgs, @Ctx() ctx: RequestContext): Promise<Reformulation> {
    return this.reformulationService.propose(ctx, Number(stakeId), text);
  }

  @Mutation(() => Reformulation, { description: 'Supports a reformulation (once per participant).' })
  @Allow('PARTICIPANT')
  supportReformulation(@Args() { id }: RowIdArgs, @Ctx() ctx: RequestContext): Promise<Reformulation> {
    return this.reformulationService.support(ctx, Number(id));
  }

  @Mutation(() => Stake, { description: "The stake takes the reformulation's wording (facilitators)." })
  @Allow('FACILITATOR')
  adoptReformulation(@Args() { id }: RowIdArgs, @Ctx() ctx: RequestContext): Promise<Stake> {
    return this.reformulationService.adopt(ctx, Number(id));
  }

  @Mutation(() => Stake, { description: 'Proposes a new stake (a "+" row); a facilitator accepts it into the workshop.' })
  @Allow('PARTICIPANT')
  proposeStake(@Args() { workshopId, text }: ProposeStakeArgs, @Ctx() ctx: RequestContext): Promise<Stake> {
    return this.reformulationService.proposeStake(ctx, Number(workshopId), text);
  }

  @Mutation(() => Stake, { description: 'Accepts a proposed stake into its workshop (facilitators).' })
  @Allow('FACILITATOR')
  acceptStake(@Args() { id }: RowIdArgs, @Ctx() ctx: RequestContext): Promise<Stake> {
    return this.reformulationService.moderateStake(ctx, Number(id), true);
  }

  @Mutation(() => Stake, { description: 'Turns down a proposed stake (facilitators).' })
  @Allow('FACILITATOR')
  rejectStake(@Args() { id }: RowIdArgs, @Ctx() ctx: RequestContext): Promise<Stake> {
    return this.reformulationService.moderateStake(ctx, Number(id), false);
  }

  @ResolveField(() => StakeResults, { nullable: true, description: 'Null when the viewer may not see results (HIDDEN, or AFTER_CLOSE before closing).' })
  async results(@Parent() stake: MaybeLive, @Context() ctx: RequestContext): Promise<StakeResults | null> {
    if (stake[LIVE]) return stake.results ?? null;
    const workshop = await this.seminars.loadWorkshop(ctx, stake.workshopId);
    if (!workshop) return null;
    const canManage = await this.access.canManage(ctx, workshop.seminarId);
    if (!resultsVisible(workshop, canManage)) return null;
    const [counts, groups] = await Promise.all([this.resultsService.countsOf(ctx, stake.id), this.seminars.groupsOf(ctx, workshop.seminarId)]);
    return this.resultsService.toResults(counts, groups);
  }

  @ResolveField(() => [Reformulation])
  reformulations(@Parent() stake: MaybeLive, @Context() ctx: RequestContext): Promise<Reformulation[]> | Reformulation[] {
    if (stake[LIVE]) return (stake.reformulations ?? []) as Reformulation[];
    return this.reformulationService.reformulationsOf(ctx, stake.id);
  }

  @ResolveField(() => [TextSegmentModel], { nullable: true, description: 'The adopted wording split into kept and added words (bold in the minutes).' })
  emphasis(@Parent() stake: Stake): TextSegmentModel[] | null {
    return stake.emphasis;
  }

  @ResolveField(() => Float, { nullable: true, description: "The viewer's own score, when they joined and scored." })
  async myScore(@Parent() stake: Stake, @Context() ctx: RequestContext): Promise<number | null> {
    const workshop = await this.seminars.loadWorkshop(ctx, stake.workshopId);
    if (!workshop) return null;
    const participant = await this.access.participantIn(ctx, workshop.seminarId);
    if (!participant) return null;
    return loaderFor<number, number>(ctx, `seminar-my-score:${participant.id}`, async (ids) => {
      const scores = await this.resultsService.participantScores(participant.id, [...ids]);
      return ids.map((id) => scores.get(id) ?? null);
    }).load(stake.id);
  }
}
