import { rolledBack, sqliteWithEvents } from '../../testing/sqlite-events';
import { ReformulationSupported, StakesAdded, VoteCast, WorkshopSettingsChanged } from '../seminar.events';
import { LiveWorkshopHandler } from './live-workshop.handler';
import type { LiveService } from './live.service';

describe('LiveWorkshopHandler (after the commit)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  let touched: [number, boolean][];

  beforeEach(async () => {
    db = await sqliteWithEvents();
    touched = [];
    const live = { touch: (workshopId: number, now = false) => void touched.push([workshopId, now]) };
    new LiveWorkshopHandler(db.events, live as LiveService).onModuleInit();
  });
  afterEach(() => db.close());

  it('publishes a vote (raw SQL, no transaction) to the workshop at once, coalesced', async () => {
    await db.events.record(db.dataSource.manager, new VoteCast(7, 70));
    expect(touched).toEqual([[7, false]]);
  });

  it('waits for the commit, and skips the coalescing delay for what the room must see at once', async () => {
    await db.dataSource.transaction(async (manager) => {
      await db.events.record(manager, new StakesAdded(3, [30]));
      await db.events.record(manager, new ReformulationSupported(3, 9));
      expect(touched).toEqual([]);
    });
    db.events.recordCommitted(new WorkshopSettingsChanged(4));
    expect(touched).toEqual([
      [3, true],
      [3, false],
      [4, true],
    ]);
  });

  it('publishes nothing for a rolled back change', async () => {
    await rolledBack(db.dataSource, (manager) => db.events.record(manager, new VoteCast(7, 70)));
    expect(touched).toEqual([]);
  });
});
