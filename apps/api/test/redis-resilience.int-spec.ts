import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { startTestServer, TestServer } from './harness';
import { OwnRedis } from './own-redis';
import { CAST, createSeminarFixture, joinParticipants, SET_STATE, subscribeWorkshop } from './seminar-helpers';
import { ServerProcess, startServerProcess } from './server-process';

jest.setTimeout(240_000);

const built = existsSync(resolve(__dirname, '../dist/main.js'));
const readiness = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
};

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

(OwnRedis.available() ? describe : describe.skip)('Redis: per-deployment prefix, start and run without it', () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = await OwnRedis.create();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('keeps the live results of two deployments sharing a Redis apart', async () => {
    const x = await startTestServer({ REDIS_URL: redis.url, SEARCH_ENGINE: 'fts' });
    const y = await startTestServer({ REDIS_URL: redis.url, SEARCH_ENGINE: 'fts' });
    const inspector = new Redis(redis.url);
    try {
      const fx = await createSeminarFixture(x, ['G'], ['Enjeu X']);
      const fy = await createSeminarFixture(y, ['G'], ['Enjeu Y']);
      // Fresh databases: the same workshop id on both sides, the case that leaked.
      expect(fy.workshopId).toBe(fx.workshopId);
      const [voterX] = await joinParticipants(x, fx, 1);
      const [watcherY] = await joinParticipants(y, fy, 1);
      await fx.facilitator.ok(SET_STATE, { workshopId: fx.workshopId, state: 'OPEN' });
      await fy.facilitator.ok(SET_STATE, { workshopId: fy.workshopId, state: 'OPEN' });
      const onX = subscribeWorkshop(x.url, fx.workshopId, { participantToken: voterX.token });
      const onY = subscribeWorkshop(y.url, fy.workshopId, { participantToken: watcherY.token });
      try {
        await onX.waitFor((m) => m.state === 'OPEN');
        await onY.waitFor((m) => m.state === 'OPEN');
        const channels = (await inspector.pubsub('CHANNELS', `*seminar:workshop:${fx.workshopId}`)) as string[];
        expect(channels).toHaveLength(2);
        expect(channels.every((c) => /^essaim:[0-9a-f]{16}:seminar:workshop:/.test(c))).toBe(true);

        await voterX.client.ok(CAST, { stakeId: fx.stakeIds[0], value: 4 });
        await onX.waitFor((m) => m.stakes[0].results?.count === 1);
        // Published after X's vote: if X's message could reach Y, it would have arrived before this one.
        await fy.facilitator.ok(SET_STATE, { workshopId: fy.workshopId, state: 'CLOSED' });
        await onY.waitFor((m) => m.state === 'CLOSED');
        expect(onY.messages.some((m) => m.stakes[0]?.results?.count > 0)).toBe(false);
        expect(onY.messages.every((m) => m.stakes.every((s: { id: string }) => fy.stakeIds.includes(s.id)))).toBe(true);
      } finally {
        await onX.close();
        await onY.close();
      }
    } finally {
      inspector.disconnect();
      await y.close();
      await x.close();
    }
  });

  (built ? it : it.skip)('starts while Redis is down, stays ready (degraded), and live results catch up when it is back', async () => {
    await redis.stop();
    let inProcess: TestServer | undefined;
    let child: ServerProcess | undefined;
    try {
      inProcess = await startTestServer({ REDIS_URL: redis.url, SEARCH_ENGINE: 'fts' });
      const shared = inProcess.config.databaseUrl ? { DATABASE_URL: inProcess.config.databaseUrl } : { DATA_DIR: inProcess.config.dataDir };
      // A real OS process, started while Redis is down: it must come up (it used to exit within a second).
      child = await startServerProcess({ ...shared, REDIS_URL: redis.url, SEARCH_ENGINE: 'fts' });
      expect((await fetch(`${child.url}/livez`)).status).toBe(200);
      const ready = await readiness(child.url);
      expect(ready.status).toBe(200);
      expect(ready.body.components.database.status).toBe('ok');
      expect(ready.body.components.pubsub).toMatchObject({ status: 'degraded', kind: 'redis' });
      expect((await fetch(`${child.url}/healthz`)).status).toBe(200);

      const fixture = await createSeminarFixture(inProcess, ['G'], ['Enjeu partagé']);
      const [voter, watcher] = await joinParticipants(inProcess, fixture, 2);
      await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
      const local = subscribeWorkshop(inProcess.url, fixture.workshopId, { participantToken: voter.token });
      const remote = subscribeWorkshop(child.url, fixture.workshopId, { participantToken: watcher.token });
      try {
        await remote.waitFor((m) => m.state === 'OPEN');
        await voter.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 3 });
        // Without Redis, the vote still reaches subscribers of its own process...
        await local.waitFor((m) => m.stakes[0].results?.count === 1);
        expect(remote.messages.some((m) => m.stakes[0].results?.count === 1)).toBe(false);

        // ...and the other process's subscribers once Redis is back, with no further vote.
        await redis.start();
        await until('the child to report Redis ok', async () => (await readiness(child!.url)).body.components.pubsub.status === 'ok');
        await remote.waitFor((m) => m.stakes[0].results?.count === 1, 20_000);

        // And live again: a new vote crosses processes at once.
        const viaChild = child.client();
        viaChild.headers['x-participant-token'] = watcher.token;
        await viaChild.ok(CAST, { stakeId: fixture.stakeIds[0], value: 5 });
        await local.waitFor((m) => m.stakes[0].results?.count === 2);
      } finally {
        await local.close();
        await remote.close();
      }
    } finally {
      await child?.close();
      await inProcess?.close();
    }
  });
});
