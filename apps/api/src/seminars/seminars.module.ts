import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEvents } from '../events/domain-events.service';
import { SearchSourcesRegistry } from '../search/search-sources.registry';
import { SeedRegistry } from '../seed/seed.registry';
import { seminarDemoSeeder } from './demo/seminar-demo.seeder';
import { SEMINAR_ENTITIES } from './entities';
import { LiveWorkshopHandler } from './live/live-workshop.handler';
import { LiveService } from './live/live.service';
import { MinutesFollowUpsRegistry } from './minutes/minutes-follow-ups.registry';
import { MinutesService } from './minutes/minutes.service';
import { GroupsResolver, ParticipationResolver } from './resolvers/participation.resolver';
import { SeminarsResolver } from './resolvers/seminars.resolver';
import { StakesResolver } from './resolvers/stakes.resolver';
import { WorkshopsResolver } from './resolvers/workshops.resolver';
import { ParticipantsService } from './services/participants.service';
import { ReformulationsService } from './services/reformulations.service';
import { ResultsService } from './services/results.service';
import { SeminarAccessService } from './services/seminar-access.service';
import { SeminarsService } from './services/seminars.service';
import { StakeSearchSource } from './services/stake-search.source';
import { VotesService } from './services/votes.service';

/** Online seminar votes: groups score stakes live, reformulations, new stakes and the minutes. */
@Module({
  imports: [TypeOrmModule.forFeature(SEMINAR_ENTITIES)],
  providers: [
    SeminarsService,
    SeminarAccessService,
    ResultsService,
    LiveService,
    LiveWorkshopHandler,
    VotesService,
    ParticipantsService,
    ReformulationsService,
    MinutesService,
    MinutesFollowUpsRegistry,
    StakeSearchSource,
    SeminarsResolver,
    WorkshopsResolver,
    StakesResolver,
    ParticipationResolver,
    GroupsResolver,
  ],
  exports: [SeminarsService, LiveService, SeminarAccessService, ResultsService, MinutesFollowUpsRegistry],
})
export class SeminarsModule implements OnModuleInit {
  constructor(
    private readonly seeds: SeedRegistry,
    private readonly searchSources: SearchSourcesRegistry,
    private readonly stakeSource: StakeSearchSource,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.seeds.register(seminarDemoSeeder(this.events));
    this.searchSources.register(this.stakeSource);
  }
}
