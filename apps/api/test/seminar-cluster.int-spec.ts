import { Client } from 'pg';
import { PG_ADMIN_URL, startTestServer, TestServer, TEST_DB } from './harness';
import { redisUnreachable, TEST_REDIS_URL as REDIS_URL } from './redis-check';
import { CAST, createSeminarFixture, joinParticipants, SET_STATE, subscribeWorkshop } from './seminar-helpers';

jest.setTimeout(120_000);

const REQUIRED = process.env.ESSAIM_REQUIRE_SERVICES === '1';

async function reachable(): Promise<string | null> {
  try {
    const pg = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    await pg.connect();
    await pg.end();
  } catch (error) {
    return `PostgreSQL at ${PG_ADMIN_URL} is unreachable (${(error as Error).message})`;
  }
  return redisUnreachable();
}

describe('two API processes sharing PostgreSQL and Redis', () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  let skipped: string | null = null;

  beforeAll(async () => {
    skipped = await reachable();
    if (skipped) {
      if (REQUIRED) throw new Error(`ESSAIM_REQUIRE_SERVICES=1 but ${skipped}`);
      console.warn(`SKIPPED seminar cluster test: ${skipped}`);
      return;
    }
    // The first server creates a fresh PostgreSQL database (even when the suite runs on SQLite);
    // the second one points at the same database.
    const shared = TEST_DB === 'postgres' ? {} : { DATABASE_URL: await freshDatabase() };
    first = await startTestServer({ ...shared, REDIS_URL });
    second = await startTestServer({ DATABASE_URL: first.config.databaseUrl!, REDIS_URL });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await dropDatabase?.();
  });

  it('delivers a vote cast on one process to a subscriber on the other', async () => {
    if (skipped) return;
    const fixture = await createSeminarFixture(first!, ['Groupe 1', 'Groupe 2'], ['Enjeu partagé']);
    const [voter, watcher] = await joinParticipants(first!, fixture, 2);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    // The watcher's token was issued by process 1; it subscribes on process 2.
    const live = subscribeWorkshop(second!.url, fixture.workshopId, { participantToken: watcher.token });
    try {
      await live.waitFor((m) => m.state === 'OPEN');
      await voter.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4.5 });
      const update = await live.waitFor((m) => m.stakes[0].results?.count === 1);
      expect(update.stakes[0].results.mean).toBe(4.5);
      // And the other way round: a vote on process 2 reaches a subscriber on process 1.
      const back = subscribeWorkshop(first!.url, fixture.workshopId, { participantToken: voter.token });
      try {
        await back.waitFor((m) => m.stakes[0].results?.count === 1);
        const viaSecond = second!.client();
        viaSecond.headers['x-participant-token'] = watcher.token;
        await viaSecond.ok(CAST, { stakeId: fixture.stakeIds[0], value: 2.5 });
        const both = await back.waitFor((m) => m.stakes[0].results?.count === 2);
        expect(both.stakes[0].results.mean).toBe(3.5);
      } finally {
        await back.close();
      }
    } finally {
      await live.close();
    }
  });
});

let dropDatabase: (() => Promise<void>) | undefined;

async function freshDatabase(): Promise<string> {
  const name = `essaim_cluster_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  dropDatabase = async () => {
    const c = new Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
}
