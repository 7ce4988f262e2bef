import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { PG_ADMIN_URL } from './harness';
import { ServerProcess, startServerProcess } from './server-process';

jest.setTimeout(400_000);

const REQUIRED = process.env.ESSAIM_REQUIRE_SERVICES === '1';
const built = existsSync(resolve(__dirname, '../dist/main.js'));
/** Three: one takes the lock while two wait on it (the issue saw it fail with two). Each costs a whole boot on 2 cores. */
const PROCESSES = 3;

/**
 * API processes (`node apps/api/dist/main.js`) started at the same moment on one empty
 * PostgreSQL database: without the startup lock, two of them run the same migrations (duplicate
 * type, relation already exists) or seed the demo twice, and exit. It always uses PostgreSQL, so
 * `npm test` runs it in its PostgreSQL pass only (ESSAIM_POSTGRES_PASS_FOLLOWS in the SQLite pass).
 */
(process.env.ESSAIM_POSTGRES_PASS_FOLLOWS === '1' ? describe.skip : describe)('N processes starting together on an empty PostgreSQL database', () => {
  let database: string | undefined;
  let skipped: string | null = built ? null : 'apps/api is not built (npm run build)';

  beforeAll(async () => {
    if (skipped) return;
    const admin = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      database = `essaim_start_${randomBytes(5).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${database}`);
    } catch (error) {
      skipped = `PostgreSQL at ${PG_ADMIN_URL} is unreachable (${(error as Error).message})`;
    } finally {
      await admin.end().catch(() => undefined);
    }
    if (skipped && REQUIRED) throw new Error(`ESSAIM_REQUIRE_SERVICES=1 but ${skipped}`);
  });

  afterAll(async () => {
    if (!database) return;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('all come up, and the migrations and the demo seed are applied once', async () => {
    if (skipped) return console.warn(`SKIPPED: ${skipped}`);
    const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
    const started = await Promise.allSettled(
      Array.from({ length: PROCESSES }, () => startServerProcess({ DATABASE_URL: url, SEARCH_ENGINE: 'fts', DEMO_DATA: 'true' }, { readyTimeoutMs: 240_000 })),
    );
    const servers = started.filter((s): s is PromiseFulfilledResult<ServerProcess> => s.status === 'fulfilled').map((s) => s.value);
    try {
      expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
      expect(servers).toHaveLength(PROCESSES);
      for (const server of servers) {
        const health = await (await fetch(`${server.url}/readyz`)).json();
        expect(health.components.database.status).toBe('ok');
        const { data } = await server.client().gql(`{ projects(first: 1) { totalCount } }`);
        expect(data.projects.totalCount).toBeGreaterThan(0);
      }
      const check = new Client({ connectionString: url });
      await check.connect();
      try {
        const [{ n, distinct }] = (await check.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM migrations`)).rows;
        expect(n).toBe(distinct);
        const [{ users }] = (await check.query(`SELECT count(*)::int AS users FROM "user" GROUP BY email ORDER BY 1 DESC LIMIT 1`)).rows;
        expect(users).toBe(1);
      } finally {
        await check.end();
      }
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
