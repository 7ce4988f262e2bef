import type { BlockerCategory, BlockerStatus } from '@essaim/domain';
import { DomainEvent } from '../events/domain-event';

/** A blocker moved from one status to another (a lifted or worked-around one is announced to the project's followers). */
export class BlockerStatusChanged extends DomainEvent {
  constructor(
    readonly blockerId: number,
    readonly previousStatus: BlockerStatus,
    readonly status: BlockerStatus,
    readonly notice: {
      actorId: number;
      category: BlockerCategory;
      project: { id: number; title: string; slug: string };
    },
  ) {
    super();
  }
}
