import { Injectable, Logger } from '@nestjs/common';

/**
 * A component with work to finish when the process stops (an outbox to flush, a child process
 * to stop). Registered by its module (in onModuleInit), run by the graceful shutdown once the
 * requests are over and before the database closes. Messages go to the shutdown's logger.
 */
export interface ShutdownParticipant {
  /** Last flush within `budgetMs` (what is left of the grace period). False when it failed: the process then exits with 1. */
  flush?(budgetMs: number, logger: Logger): Promise<boolean>;
  /** Stops what the component runs besides the app (after every flush, before the database closes). */
  stop?(logger: Logger): Promise<void>;
}

@Injectable()
export class ShutdownRegistry {
  readonly participants: ShutdownParticipant[] = [];

  register(participant: ShutdownParticipant): void {
    this.participants.push(participant);
  }
}
