import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { SeedRegistry } from '../seed/seed.registry';
import { MinutesFollowUpsRegistry } from '../seminars/minutes/minutes-follow-ups.registry';
import { SeminarsModule } from '../seminars/seminars.module';
import { TerritoriesModule } from '../territories/territories.module';
import { CommitmentProject } from './commitment-link.entity';
import { Commitment } from './commitment.entity';
import { CommitmentsExportController } from './commitments-export.controller';
import { CommitmentMilestonesResolver, CommitmentsResolver, ProjectCommitmentsResolver } from './commitments.resolver';
import { CommitmentNotificationsHandler } from './commitment-notifications.handler';
import { CommitmentsService } from './commitments.service';
import { commitmentsDemoSeeder } from './demo/commitments-demo.seeder';
import { CommitmentMilestone } from './milestone.entity';

export const COMMITMENT_ENTITIES = [Commitment, CommitmentProject, CommitmentMilestone];

/** From votes to commitments: what a seminar decided, followed until it is done. */
@Module({
  imports: [TypeOrmModule.forFeature(COMMITMENT_ENTITIES), SeminarsModule, TerritoriesModule],
  providers: [CommitmentsService, CommitmentNotificationsHandler, CommitmentsResolver, ProjectCommitmentsResolver, CommitmentMilestonesResolver],
  controllers: [CommitmentsExportController],
})
export class CommitmentsModule implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly seeds: SeedRegistry,
    private readonly minutes: MinutesFollowUpsRegistry,
    private readonly commitments: CommitmentsService,
  ) {}

  onModuleInit(): void {
    this.notifications.registerTarget(FollowTargetType.COMMITMENT, (m: EntityManager, id) => m.getRepository(Commitment).existsBy({ id }));
    this.seeds.register(commitmentsDemoSeeder);
    this.minutes.register((seminarId) => this.commitments.minutesFollowUps(seminarId));
  }
}
