import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { DomainEvent, EventType } from './domain-event';
import { RowsWritten } from './rows-written';

/** Runs inside the transaction, with its EntityManager: what it writes commits or rolls back with the change. */
export type InTransactionHandler<E extends DomainEvent> = (manager: EntityManager, event: E) => Promise<void> | void;
/** Runs once the transaction committed (never after a rollback): drop caches, wake workers, tell live subscribers. */
export type AfterCommitHandler<E extends DomainEvent> = (event: E) => void;

interface Registration<H> {
  type: EventType<DomainEvent>;
  handler: H;
}

/** What one open transaction recorded, waiting for its commit. */
interface Pending {
  events: DomainEvent[];
  /** Entities already announced by a RowsWritten in this transaction. */
  written: Set<unknown>;
  /** Length of `events` when each open savepoint began: a savepoint rollback forgets what came after. */
  savepoints: number[];
}

/**
 * The transaction-aware domain-event port. Writers call `record(manager, event)` inside their
 * transaction; the in-transaction handlers run at once with that manager (their writes share
 * its fate), the after-commit handlers run when the transaction commits, and never when it
 * rolls back. Outside a transaction the write is already committed, so both run at once.
 *
 * ORM writes are recorded by the port itself (RowsWritten); raw SQL records its feature event.
 * Handlers receive the events of their class and its subclasses. See docs/architecture.md.
 */
@Injectable()
export class DomainEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('DomainEvents');
  private readonly inTransaction: Registration<InTransactionHandler<DomainEvent>>[] = [];
  private readonly afterCommitHandlers: Registration<AfterCommitHandler<DomainEvent>>[] = [];
  private readonly pending = new WeakMap<QueryRunner, Pending>();
  private readonly subscriber: EntitySubscriberInterface;

  constructor(private readonly dataSource: DataSource) {
    const written = (event: { metadata?: { target: unknown }; queryRunner?: QueryRunner }) => this.rowsWritten(event.metadata?.target, event.queryRunner);
    this.subscriber = {
      afterInsert: written,
      afterUpdate: written,
      afterRemove: written,
      afterSoftRemove: written,
      afterRecover: written,
      afterTransactionStart: ({ queryRunner }) => this.transactionStarted(queryRunner),
      afterTransactionCommit: ({ queryRunner }) => this.transactionEnded(queryRunner, true),
      afterTransactionRollback: ({ queryRunner }) => this.transactionEnded(queryRunner, false),
    };
    dataSource.subscribers.push(this.subscriber);
  }

  /** `handler` runs inside the recording transaction for every event of `type`. Returns the unregister function. */
  onRecorded<E extends DomainEvent>(type: EventType<E>, handler: InTransactionHandler<E>): () => void {
    return add(this.inTransaction, { type, handler: handler as InTransactionHandler<DomainEvent> });
  }

  /** `handler` runs after the commit of every transaction that recorded an event of `type`. Returns the unregister function. */
  afterCommit<E extends DomainEvent>(type: EventType<E>, handler: AfterCommitHandler<E>): () => void {
    return add(this.afterCommitHandlers, { type, handler: handler as AfterCommitHandler<DomainEvent> });
  }

  /**
   * Records `event` in the transaction of `manager` (or, for a manager outside any transaction,
   * as already committed). An in-transaction handler's error is the caller's: it rolls back.
   */
  async record(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const { type, handler } of this.inTransaction) if (event instanceof type) await handler(manager, event);
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pendingFor(runner).events.push(event);
    else this.committed([event]);
  }

  /** For facts that are not a database write (a search batch indexed): the after-commit handlers run now. */
  recordCommitted(event: DomainEvent): void {
    this.committed([event]);
  }

  private rowsWritten(entity: unknown, runner: QueryRunner | undefined): void {
    if (!runner?.isTransactionActive) return this.committed([new RowsWritten(entity)]);
    const pending = this.pendingFor(runner);
    if (pending.written.has(entity)) return;
    pending.written.add(entity);
    pending.events.push(new RowsWritten(entity));
  }

  private pendingFor(runner: QueryRunner): Pending {
    let pending = this.pending.get(runner);
    if (!pending) this.pending.set(runner, (pending = { events: [], written: new Set(), savepoints: [] }));
    return pending;
  }

  private transactionStarted(runner: QueryRunner): void {
    // A nested transaction is a savepoint: remember where its events begin.
    const depth = (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
    if (depth > 1) {
      const pending = this.pendingFor(runner);
      pending.savepoints.push(pending.events.length);
    }
  }

  private transactionEnded(runner: QueryRunner, committed: boolean): void {
    const pending = this.pending.get(runner);
    if (!pending) return;
    if (runner.isTransactionActive) {
      // A savepoint ended: the outer transaction decides. A rolled back savepoint takes its events with it.
      const start = pending.savepoints.pop();
      if (!committed && start !== undefined) {
        pending.events.length = start;
        pending.written = new Set(pending.events.filter((e): e is RowsWritten => e instanceof RowsWritten).map((e) => e.entity));
      }
      return;
    }
    this.pending.delete(runner);
    if (committed) this.committed(pending.events);
  }

  /** After-commit handlers never fail the write that already committed: errors are logged. */
  private committed(events: DomainEvent[]): void {
    for (const event of events) {
      for (const { type, handler } of this.afterCommitHandlers) {
        if (!(event instanceof type)) continue;
        try {
          handler(event);
        } catch (error) {
          this.logger.error(`After-commit handler failed for ${event.constructor.name}: ${(error as Error).message}`);
        }
      }
    }
  }

  onApplicationShutdown(): void {
    const index = this.dataSource.subscribers.indexOf(this.subscriber);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }
}

function add<T>(list: T[], item: T): () => void {
  list.push(item);
  return () => {
    const index = list.indexOf(item);
    if (index >= 0) list.splice(index, 1);
  };
}
