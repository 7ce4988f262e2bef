import { DomainEvent } from './domain-event';

/**
 * Rows of an entity were inserted, updated or removed through the ORM. The port records it by
 * itself (one per entity and transaction), so every ORM write reaches the after-commit
 * handlers without its caller naming it; raw SQL records a feature event instead.
 */
export class RowsWritten extends DomainEvent {
  constructor(readonly entity: unknown) {
    super();
  }
}
