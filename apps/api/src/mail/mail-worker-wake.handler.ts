import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events.service';
import { MailQueued } from './mail.events';
import { MailWorker } from './mail-worker';

/** After the commit: mail rows were written, the worker sends them now instead of at its next poll. */
@Injectable()
export class MailWorkerWakeHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly worker: MailWorker,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit(MailQueued, () => this.worker.poke());
  }
}
