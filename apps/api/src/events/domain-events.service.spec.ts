import type { DataSource, EntityManager } from 'typeorm';
import { rolledBack, sqliteWithEvents, TestNote } from '../testing/sqlite-events';
import { DomainEvent } from './domain-event';
import type { DomainEvents } from './domain-events.service';
import { RowsWritten } from './rows-written';

class NoteSaved extends DomainEvent {
  constructor(readonly noteId: number) {
    super();
  }
}
class NoteImported extends NoteSaved {}
class Unrelated extends DomainEvent {}

describe('DomainEvents', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  let dataSource: DataSource;
  let events: DomainEvents;
  let committed: DomainEvent[];

  beforeEach(async () => {
    db = await sqliteWithEvents();
    ({ dataSource, events } = db);
    committed = [];
    events.afterCommit(DomainEvent, (event) => committed.push(event));
  });
  afterEach(() => db.close());

  const notes = (manager: EntityManager = dataSource.manager) => manager.getRepository(TestNote);
  const featureEvents = () => committed.filter((e) => !(e instanceof RowsWritten));

  it('runs in-transaction handlers at once with the recording manager, so their writes share the transaction', async () => {
    const seen: EntityManager[] = [];
    events.onRecorded(NoteSaved, async (manager, event) => {
      seen.push(manager);
      await notes(manager).insert({ text: `log ${event.noteId}` });
    });
    await rolledBack(dataSource, async (manager) => {
      await events.record(manager, new NoteSaved(1));
      expect(seen).toEqual([manager]);
      expect(await notes(manager).count()).toBe(1);
    });
    expect(await notes().count()).toBe(0);
  });

  it('runs after-commit handlers only once the transaction committed', async () => {
    await dataSource.transaction(async (manager) => {
      await events.record(manager, new NoteSaved(7));
      expect(committed).toEqual([]);
    });
    expect(featureEvents()).toEqual([new NoteSaved(7)]);
  });

  it('never runs after-commit handlers for a transaction that rolled back', async () => {
    await rolledBack(dataSource, async (manager) => {
      await notes(manager).insert({ text: 'never seen' });
      await events.record(manager, new NoteSaved(1));
    });
    expect(committed).toEqual([]);
  });

  it('rolls back the transaction when an in-transaction handler fails', async () => {
    events.onRecorded(NoteSaved, () => {
      throw new Error('outbox full');
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await notes(manager).insert({ text: 'kept?' });
        await events.record(manager, new NoteSaved(1));
      }),
    ).rejects.toThrow('outbox full');
    expect(await notes().count()).toBe(0);
    expect(committed).toEqual([]);
  });

  it('treats a write outside any transaction as committed: both kinds of handlers run at once', async () => {
    const order: string[] = [];
    events.onRecorded(NoteSaved, () => void order.push('in transaction'));
    events.afterCommit(NoteSaved, () => void order.push('after commit'));
    await events.record(dataSource.manager, new NoteSaved(3));
    expect(order).toEqual(['in transaction', 'after commit']);
  });

  it('gives handlers the events of their class and its subclasses only', async () => {
    const saved: DomainEvent[] = [];
    events.afterCommit(NoteSaved, (event) => saved.push(event));
    events.recordCommitted(new NoteImported(2));
    events.recordCommitted(new Unrelated());
    expect(saved).toEqual([new NoteImported(2)]);
  });

  it('records ORM writes by itself, once per entity and transaction', async () => {
    await dataSource.transaction(async (manager) => {
      await notes(manager).insert({ text: 'a' });
      await notes(manager).insert({ text: 'b' });
      await notes(manager).update({ text: 'a' }, { text: 'c' });
      expect(committed).toEqual([]);
    });
    expect(committed).toEqual([new RowsWritten(TestNote)]);
    await notes().insert({ text: 'outside a transaction' });
    expect(committed).toHaveLength(2);
  });

  it('forgets the events of a rolled back savepoint and keeps those of the outer transaction', async () => {
    await dataSource.transaction(async (manager) => {
      await events.record(manager, new NoteSaved(1));
      await expect(
        manager.transaction(async (inner) => {
          await events.record(inner, new NoteSaved(2));
          throw new Error('inner failure');
        }),
      ).rejects.toThrow('inner failure');
      await manager.transaction((inner) => events.record(inner, new NoteSaved(3)));
    });
    expect(featureEvents()).toEqual([new NoteSaved(1), new NoteSaved(3)]);
  });

  it('never fails a committed write because an after-commit handler threw', async () => {
    events.afterCommit(NoteSaved, () => {
      throw new Error('cache unreachable');
    });
    const later: DomainEvent[] = [];
    events.afterCommit(NoteSaved, (event) => later.push(event));
    await expect(dataSource.transaction((manager) => events.record(manager, new NoteSaved(5)))).resolves.toBeUndefined();
    expect(later).toEqual([new NoteSaved(5)]);
  });

  it('stops calling a handler once it is unregistered', async () => {
    const seen: DomainEvent[] = [];
    const off = events.afterCommit(NoteSaved, (event) => seen.push(event));
    off();
    events.recordCommitted(new NoteSaved(1));
    expect(seen).toEqual([]);
  });
});
