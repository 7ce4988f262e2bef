import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { MaturityArgs, SetMaturityScoreArgs } from './dto/maturity.args';
import { MaturityAssessment } from './maturity-assessment.entity';
import { MaturityService } from './maturity.service';
import { MaturityComparison } from './models/maturity.model';
import { PeersService } from './peers.service';
import type { User } from '../accounts/user.entity';

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
  async setMaturityScore(@Args() args: SetMaturityScoreArgs, @CurrentUser() user: User): Promise<MaturityAssessment> {
    return this.maturityService.set(user, args);
  }

  @Query(() => MaturityComparison, { description: 'The maturity radar: the territory’s self-assessment per theme against its peers’ median.' })
  @Allow('PUBLIC')
  async maturity(@Args() args: MaturityArgs, @CurrentUser({ optional: true }) viewer: User | null): Promise<MaturityComparison> {
    const { territory, peers } = await this.peers.resolve(args, viewer);
    return this.maturityService.compare(
      territory,
      peers.map((p) => p.code),
      args.year ?? null,
    );
  }
}
