/**
 * Something that happened to the application's data, recorded with `DomainEvents.record`
 * inside the transaction that made it happen. Each feature names its own events, in the past
 * tense (`ProjectSaved`, `VoteCast`), in a `*.events.ts` file of its folder.
 */
export abstract class DomainEvent {
  /** False for changes no anonymous reader can see (notifications, outboxes): the read cache keeps its answers. */
  get seenByAnonymousReaders(): boolean {
    return true;
  }
}

/** A class of events, used to pick the events a handler receives (subclasses included). */
export type EventType<E extends DomainEvent> = abstract new (...args: never[]) => E;
