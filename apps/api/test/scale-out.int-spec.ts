import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PG_ADMIN_URL, startTestServer, TestServer } from './harness';
import { createProject, projectInput, UPDATE_PROJECT } from './wiki-fixtures';

jest.setTimeout(120_000);

const REQUIRED = process.env.ESSAIM_REQUIRE_SERVICES === '1';
const SEARCH = `query($q: String!) { search(q: $q, types: [PROJECT]) { total engine hits { id title url } } }`;

/**
 * The scale-out topology on loopback: two API processes sharing one PostgreSQL database and one
 * Meilisearch index (each with its own outbox worker). An edit made through one is searchable
 * through the other.
 */
describe('scale-out: two API processes, one PostgreSQL, one Meilisearch', () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  let database: string | undefined;
  let skipped: string | null = null;

  beforeAll(async () => {
    if (!process.env.ESSAIM_TEST_MEILI_URL) skipped = 'no test Meilisearch (see apps/api/test/global-setup.ts)';
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
    };
    first = await startTestServer(shared);
    second = await startTestServer(shared);
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

  async function searchUntil(server: TestServer, q: string, predicate: (hits: { title: string }[]) => boolean) {
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
});
