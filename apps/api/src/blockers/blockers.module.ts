import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SeedRegistry } from '../seed/seed.registry';
import { TerritoriesModule } from '../territories/territories.module';
import { WikiModule } from '../wiki/wiki.module';
import { BlockerEvent } from './blocker-event.entity';
import { BlockerEventResolver } from './blocker-event.resolver';
import { Blocker } from './blocker.entity';
import { BlockerNotificationsHandler } from './blocker-notifications.handler';
import { BlockerEditsService } from './blocker-edits.service';
import { BlockerStatsService } from './blocker-stats.service';
import { BlockerSuggestionsService } from './blocker-suggestions.service';
import { BlockersCsvController } from './blockers-csv.controller';
import { BlockersResolver } from './blockers.resolver';
import { BlockersService } from './blockers.service';
import { BlockersListService } from './blockers-list.service';
import { BlockersSeeder } from './blockers.seeder';
import { ProjectBlockersResolver } from './project-blockers.resolver';

export const BLOCKER_ENTITIES = [Blocker, BlockerEvent];

/** Blockers (freins) on project sheets: report, edit, status timeline, suggestions, statistics. */
@Module({
  imports: [TypeOrmModule.forFeature(BLOCKER_ENTITIES), WikiModule, TerritoriesModule],
  controllers: [BlockersCsvController],
  providers: [
    BlockersService,
    BlockerNotificationsHandler,
    BlockersListService,
    BlockerEditsService,
    BlockerSuggestionsService,
    BlockerStatsService,
    BlockersResolver,
    ProjectBlockersResolver,
    BlockerEventResolver,
    BlockersSeeder,
  ],
  exports: [BlockersService],
})
export class BlockersModule implements OnModuleInit {
  constructor(
    private readonly seeds: SeedRegistry,
    private readonly seeder: BlockersSeeder,
  ) {}

  onModuleInit(): void {
    this.seeds.register(this.seeder);
  }
}
