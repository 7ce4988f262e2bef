import { rolledBack, sqliteWithEvents } from '../testing/sqlite-events';
import { VoteCast, StakeProposalChanged } from '../seminars/seminar.events';
import { PageSaved } from '../wiki/wiki.events';
import type { SearchWorker } from './search-worker';
import { SearchWorkerWakeHandler } from './search-worker-wake.handler';

describe('SearchWorkerWakeHandler (after the commit)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  let pokes: number;

  beforeEach(async () => {
    db = await sqliteWithEvents();
    pokes = 0;
    const worker = { poke: () => void (pokes += 1) };
    new SearchWorkerWakeHandler(db.events, worker as SearchWorker).onModuleInit();
  });
  afterEach(() => db.close());

  it('wakes the indexer once the transaction that changed documents committed', async () => {
    await db.dataSource.transaction(async (manager) => {
      await db.events.record(manager, new PageSaved(4));
      expect(pokes).toBe(0);
    });
    expect(pokes).toBe(1);
  });

  it('does not wake it for a rollback or for events without documents', async () => {
    await rolledBack(db.dataSource, (manager) => db.events.record(manager, new PageSaved(4)));
    await db.events.record(db.dataSource.manager, new VoteCast(1, 2));
    await db.events.record(db.dataSource.manager, new StakeProposalChanged(1, 2, false));
    expect(pokes).toBe(0);
  });
});
