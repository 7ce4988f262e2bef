import { rolledBack, sqliteWithEvents } from '../testing/sqlite-events';
import { MailQueued } from './mail.events';
import type { MailWorker } from './mail-worker';
import { MailWorkerWakeHandler } from './mail-worker-wake.handler';

describe('MailWorkerWakeHandler (after the commit)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithEvents>>;
  let pokes: number;

  beforeEach(async () => {
    db = await sqliteWithEvents();
    pokes = 0;
    new MailWorkerWakeHandler(db.events, { poke: () => void (pokes += 1) } as MailWorker).onModuleInit();
  });
  afterEach(() => db.close());

  it('wakes the mail worker once the transaction that queued mail committed', async () => {
    await db.dataSource.transaction(async (manager) => {
      await db.events.record(manager, new MailQueued('NOTIFICATION', 2));
      expect(pokes).toBe(0);
    });
    expect(pokes).toBe(1);
  });

  it('leaves it asleep when the transaction rolled back', async () => {
    await rolledBack(db.dataSource, (manager) => db.events.record(manager, new MailQueued('NOTIFICATION', 2)));
    expect(pokes).toBe(0);
  });
});
