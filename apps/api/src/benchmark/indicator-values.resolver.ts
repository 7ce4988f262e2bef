import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { loadUser } from '../common/loaders';
import { ConnectionType, pageRequest, toConnection } from '../common/pagination/connection';
import { TerritoriesService } from '../territories/territories.service';
import { Territory } from '../territories/territory.entity';
import { ImportIndicatorValuesArgs, IndicatorHistoryArgs, SetIndicatorValueArgs } from './dto/indicator-value.args';
import { IndicatorImportService } from './import/indicator-import.service';
import { IndicatorValue } from './indicator-value.entity';
import { Indicator } from './indicator.entity';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsService } from './indicators.service';
import { ImportReport } from './models/import-report.model';

export const IndicatorValueConnection = ConnectionType(IndicatorValue, 'IndicatorValue');

@Resolver(() => IndicatorValue)
export class IndicatorValuesResolver {
  constructor(
    private readonly values: IndicatorValuesService,
    private readonly importer: IndicatorImportService,
    private readonly indicators: IndicatorsService,
    private readonly territories: TerritoriesService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  @Mutation(() => IndicatorValue, {
    description: 'Enters a figure (the previous one is kept as history). Members for their own territory; moderators and admins for any.',
  })
  @Allow('MEMBER')
  async setIndicatorValue(@Args() args: SetIndicatorValueArgs, @CurrentUser() user: User): Promise<IndicatorValue> {
    return this.values.set(user, args);
  }

  @Mutation(() => ImportReport, {
    description:
      'Imports figures from CSV (docs/benchmark.md). All-or-nothing: one bad line imports nothing and is reported. Same permission as setIndicatorValue, per line.',
  })
  @Allow('MEMBER')
  async importIndicatorValues(@Args() { csv, dryRun }: ImportIndicatorValuesArgs, @CurrentUser() user: User): Promise<ImportReport> {
    return this.importer.import(user, csv, dryRun);
  }

  @Query(() => IndicatorValueConnection, { description: 'Every figure entered for an indicator and a territory (history), newest first.' })
  @Allow('PUBLIC')
  async indicatorHistory(@Args() args: IndicatorHistoryArgs) {
    const page = pageRequest(args.first, args.after);
    const [nodes, total] = await this.values.history(args.indicatorCode, args.territoryCode, args.year, page);
    return toConnection(nodes, total, page);
  }

  @ResolveField(() => Indicator)
  async indicator(@Parent() value: IndicatorValue, @Context() ctx: RequestContext): Promise<Indicator> {
    return (await this.indicators.load(ctx, value.indicatorId))!;
  }

  @ResolveField(() => Territory)
  async territory(@Parent() value: IndicatorValue, @Context() ctx: RequestContext): Promise<Territory> {
    return (await this.territories.load(ctx, value.territoryCode))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'Who entered the figure (null for demo data or deleted accounts).' })
  author(@Parent() value: IndicatorValue, @Context() ctx: RequestContext): Promise<User | null> {
    return loadUser(ctx, this.users, value.authorId);
  }
}
