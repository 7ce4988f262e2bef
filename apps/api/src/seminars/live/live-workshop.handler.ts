import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../events/domain-events.service';
import { WorkshopChanged } from '../seminar.events';
import { LiveService } from './live.service';

/** After the commit: the workshop's live subscribers get a new snapshot (raw SQL votes included). */
@Injectable()
export class LiveWorkshopHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly live: LiveService,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit(WorkshopChanged, (event) => this.live.touch(event.workshopId, event.urgent));
  }
}
