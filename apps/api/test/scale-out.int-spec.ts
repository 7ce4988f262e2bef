import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { GqlClient, PG_ADMIN_URL, startTestServer, TestServer } from './harness';
import { redisUnreachable, TEST_REDIS_URL as REDIS_URL } from './redis-check';
import { ServerProcess, startServerProcess } from './server-process';
import { CONTENT_CHANGED_CHANNEL } from '../src/read-cache/read-cache.service';
import { CAST, createSeminarFixture, joinParticipants, SET_STATE, subscribeWorkshop } from './seminar-helpers';
import { createProject, projectInput, UPDATE_PROJECT } from './wiki-fixtures';

jest.setTimeout(120_000);

const REQUIRED = process.env.ESSAIM_REQUIRE_SERVICES === '1';
const LIST = `query { projects(first: 50) { edges { node { id title } } } }`;
const SEARCH = `query($q: String!) { search(q: $q, types: [PROJECT]) { total engine hits { id title url } } }`;

/**
 * The scale-out topology on loopback: two API processes (this test's own and a child
 * `node apps/api/dist/main.js`) sharing one PostgreSQL database, one Redis and one Meilisearch
 * index, each with its own outbox worker and read cache. An edit made through one is searchable
 * and readable through the other.
 */
describe('scale-out: two API processes, one PostgreSQL, one Redis, one Meilisearch', () => {
  let first: TestServer | undefined;
  let second: ServerProcess | undefined;
  let database: string | undefined;
  let skipped: string | null = null;

  beforeAll(async () => {
    if (!process.env.ESSAIM_TEST_MEILI_URL) skipped = 'no test Meilisearch (see apps/api/test/global-setup.ts)';
    skipped ??= await redisUnreachable();
    const admin = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      database = `essaim_scale_${randomBytes(5).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${database}`);
    } catch (error) {
      skipped = `PostgreSQL at ${PG_ADMIN_URL} is unreachable (${(error as Error).message})`;
    } finally {
      await admin.end().catch(() => undefined);
    }
    if (skipped) {
      if (REQUIRED) throw new Error(`ESSAIM_REQUIRE_SERVICES=1 but ${skipped}`);
      console.warn(`SKIPPED scale-out test: ${skipped}`);
      return;
    }
    const shared = {
      DATABASE_URL: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`),
      MEILI_INDEX_PREFIX: `scale${randomBytes(4).toString('hex')}`,
      REDIS_URL,
    };
    first = await startTestServer(shared);
    // A long cache lifetime on the second process: only an invalidation from the first can refresh it in time.
    second = await startServerProcess({
      ...shared,
      MEILI_URL: process.env.ESSAIM_TEST_MEILI_URL!,
      MEILI_MASTER_KEY: process.env.ESSAIM_TEST_MEILI_KEY ?? '',
      READ_CACHE_TTL_MS: '120000',
    });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    if (database) {
      const admin = new Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  async function searchUntil(server: { client(): GqlClient }, q: string, predicate: (hits: { title: string }[]) => boolean) {
    const client = server.client();
    const deadline = Date.now() + 15_000;
    let last: unknown;
    while (Date.now() < deadline) {
      const { search } = await client.ok(SEARCH, { q });
      last = search;
      if (predicate(search.hits)) return search;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`not found through the other process in time: ${JSON.stringify(last)}`);
  }

  it('makes a sheet created on one process searchable on the other, and an edit on the other searchable on the first', async () => {
    if (skipped) return;
    const agent = await first!.registerUser({ territoryCode: '91228' });
    const project = await createProject(agent, { title: 'Essaimage réparti entre deux processus', body: 'Une fiche écrite sur le premier processus.' });

    const found = await searchUntil(second!, 'essaimage reparti', (hits) => hits.some((h) => h.title === project.title));
    expect(found.engine).toBe('meilisearch');

    // The same account, logged in on the second process (sessions live in the shared database).
    const sameAgentElsewhere = second!.client();
    sameAgentElsewhere.cookies.set('essaim_session', agent.cookies.get('essaim_session')!);
    await sameAgentElsewhere.ok(UPDATE_PROJECT, {
      id: project.id,
      base: project.revision,
      input: projectInput({ title: 'Pollinisation croisée entre processus', body: 'Modifiée sur le second processus.' }),
      comment: 'Modifié ailleurs',
    });
    await searchUntil(first!, 'pollinisation croisee', (hits) => hits.some((h) => h.title === 'Pollinisation croisée entre processus'));
  });

  it("drops the other process's cached anonymous answers when content changes here", async () => {
    if (skipped) return;
    const post = async () => {
      const response = await fetch(`${second!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LIST }),
      });
      const body = (await response.json()) as { data: { projects: { edges: { node: { title: string } }[] } } };
      return { cache: response.headers.get('x-essaim-cache'), titles: body.data.projects.edges.map((e) => e.node.title) };
    };
    const agent = await first!.registerUser({ territoryCode: '91228' });
    // Background indexing of earlier changes may still drop the cache once or twice: wait for a steady hit.
    let steady = false;
    for (const deadline = Date.now() + 10_000; !steady && Date.now() < deadline;) {
      await post();
      steady = (await post()).cache === 'hit';
    }
    expect(steady).toBe(true);

    const listener = new Redis(REDIS_URL);
    const announced = new Promise<string>((done) => listener.on('pmessage', (_pattern: string, _channel: string, message: string) => done(message)));
    // Channels carry the deployment's prefix (REDIS_PREFIX, by default drawn once and kept in the database).
    await listener.psubscribe(`essaim:*:${CONTENT_CHANGED_CHANNEL}`);
    await createProject(agent, { title: 'Lecture fraîche sur le second processus' });
    expect(JSON.parse(await announced)).toEqual({ from: expect.any(String) });
    listener.disconnect();
    const deadline = Date.now() + 15_000;
    let last = await post();
    while (!last.titles.includes('Lecture fraîche sur le second processus') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      last = await post();
    }
    // Seen well before the 120 s lifetime: the change was announced through Redis.
    expect(last.titles).toContain('Lecture fraîche sur le second processus');
  });

  it('pushes a vote cast on one process live to a participant watching through the other', async () => {
    if (skipped) return;
    const fixture = await createSeminarFixture(first!, ['Groupe 1', 'Groupe 2'], ['Enjeu partagé entre processus']);
    const [voter, watcher] = await joinParticipants(first!, fixture, 2);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    const live = subscribeWorkshop(second!.url, fixture.workshopId, { participantToken: watcher.token });
    try {
      await live.waitFor((m) => m.state === 'OPEN');
      await voter.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4 });
      const update = await live.waitFor((m) => m.stakes[0].results?.count === 1);
      expect(update.stakes[0].results.mean).toBe(4);
    } finally {
      await live.close();
    }
  });

  it('stops the child process cleanly', async () => {
    if (skipped) return;
    const code = await second!.close();
    second = undefined;
    expect(code).toBe(0);
  });
});
