import { rolledBack, sqliteWithEvents } from '../testing/sqlite-events';
import { ThreadStarted } from '../forum/forum.events';
import { StakeProposalChanged, StakesAdded } from '../seminars/seminar.events';
import { ProjectSaved } from '../wiki/wiki.events';
import { SearchOutbox } from './search-outbox.entity';
import { SearchOutboxHandler } from './search-outbox.handler';

describe('SearchOutboxHandler (in the transaction)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  const rows = async () => (await db.dataSource.getRepository(SearchOutbox).find({ order: { id: 'ASC' } })).map((r) => `${r.docType}:${r.docId}`);

  beforeEach(async () => {
    db = await sqliteWithEvents([SearchOutbox]);
    new SearchOutboxHandler(db.events).onModuleInit();
  });
  afterEach(() => db.close());

  it('writes one outbox row per document the event changed, committed with the change', async () => {
    await db.dataSource.transaction(async (manager) => {
      await db.events.record(manager, new ProjectSaved(12));
      await db.events.record(manager, new StakesAdded(3, [40, 41]));
      await db.events.record(manager, new ThreadStarted(8));
    });
    expect(await rows()).toEqual(['PROJECT:12', 'STAKE:40', 'STAKE:41', 'THREAD:8']);
  });

  it('writes nothing that outlives a rollback', async () => {
    await rolledBack(db.dataSource, (manager) => db.events.record(manager, new ProjectSaved(12)));
    expect(await rows()).toEqual([]);
  });

  it('skips events that leave searchable documents alone (a stake proposal still waiting)', async () => {
    await db.dataSource.transaction(async (manager) => {
      await db.events.record(manager, new StakeProposalChanged(3, 50, false));
      await db.events.record(manager, new StakeProposalChanged(3, 51, true));
    });
    expect(await rows()).toEqual(['STAKE:51']);
  });
});
