import { DomainEvent } from '../events/domain-event';
import type { CommitmentStatus } from './commitment.enums';

/** A commitment's status changed (its followers are told, but not the person who changed it). */
export class CommitmentStatusChanged extends DomainEvent {
  constructor(
    readonly commitmentId: number,
    readonly previousStatus: CommitmentStatus,
    readonly status: CommitmentStatus,
    readonly notice: { actorId: number; seminarId: number; title: string },
  ) {
    super();
  }
}
