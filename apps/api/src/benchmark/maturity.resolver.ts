import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { MaturityArgs, SetMaturityScoreArgs } from './dto/maturity.args';
import { MaturityAssessment } from './maturity-assessment.entity';
import { MaturityService } from './maturity.service';
import { MaturityComparison } from './models/maturity.model';
import { PeersService } from './peers.service';

@Resolver(() => MaturityAssessment)
export class MaturityResolver {
  constructor(
    private readonly maturityService: MaturityService,
    private readonly peers: PeersService,
  ) {}

  @Mutation(() => MaturityAssessment, {
    description: 'Scores a theme 0–5 with a justification for a year (the previous score is kept as history). Same permission as setIndicatorValue.',
  })
  @Allow('MEMBER')
  async setMaturityScore(@Args() args: SetMaturityScoreArgs, @Ctx() ctx: RequestContext): Promise<MaturityAssessment> {
    return this.maturityService.set((await ctx.auth()).user!, args);
  }

  @Query(() => MaturityComparison, { description: 'The maturity radar: the territory’s self-assessment per theme against its peers’ median.' })
  @Allow('PUBLIC')
  async maturity(@Args() args: MaturityArgs, @Ctx() ctx: RequestContext): Promise<MaturityComparison> {
    const { territory, peers } = await this.peers.resolve(args, (await ctx.auth()).user);
    return this.maturityService.compare(territory, peers.map((p) => p.code), args.year ?? null);
  }
}
