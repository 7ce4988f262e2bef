import { randomBytes } from 'node:crypto';
import { createServer, Server, Socket, connect } from 'node:net';
import { Client } from 'pg';
import { PG_ADMIN_URL, startTestServer, TestServer } from './harness';
import { freePort } from './server-process';
import { projectInput } from './wiki-fixtures';

jest.setTimeout(120_000);

const REQUIRED = process.env.ESSAIM_REQUIRE_SERVICES === '1';
const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id } }`;

/**
 * A TCP proxy in front of the machine's PostgreSQL that the test can cut and restore: stopping it
 * refuses new connections and drops open ones, as a database host that went away does. The
 * machine's PostgreSQL itself is never touched.
 */
class PostgresProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Issue 17: the database becomes unreachable while the API runs, then comes back. Always on
 * PostgreSQL: `npm test` runs it in its PostgreSQL pass only. (It found that the GraphQL exception
 * filter returned Node's own ECONNREFUSED error as data inside jest's sandbox: see asError.)
 */
(process.env.ESSAIM_POSTGRES_PASS_FOLLOWS === '1' ? describe.skip : describe)('PostgreSQL unreachable while the API runs', () => {
  let skipped: string | null = null;
  let database: string | undefined;
  let proxy: PostgresProxy;
  let server: TestServer | undefined;

  beforeAll(async () => {
    const admin = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      database = `essaim_down_${randomBytes(5).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${database}`);
    } catch (error) {
      skipped = `PostgreSQL at ${PG_ADMIN_URL} is unreachable (${(error as Error).message})`;
      if (REQUIRED) throw new Error(`ESSAIM_REQUIRE_SERVICES=1 but ${skipped}`, { cause: error });
      return;
    } finally {
      await admin.end().catch(() => undefined);
    }
    const target = new URL(PG_ADMIN_URL);
    proxy = new PostgresProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(PG_ADMIN_URL);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.pathname = `/${database}`;
    server = await startTestServer({ DATABASE_URL: viaProxy.toString(), PG_CONNECT_TIMEOUT_MS: '2000', SEARCH_ENGINE: 'fts' });
  });

  afterAll(async () => {
    await proxy?.start().catch(() => undefined);
    await server?.close();
    await proxy?.stop();
    if (!database) return;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const probe = async (path: string) => {
    const response = await fetch(`${server!.url}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it('stays live, is not ready, answers SERVICE_UNAVAILABLE in French, and recovers when the database is back', async () => {
    if (skipped) return console.warn(`SKIPPED: ${skipped}`);
    const agent = await server!.registerUser();
    expect((await probe('/readyz')).status).toBe(200);

    await proxy.stop();
    expect((await probe('/livez')).status).toBe(200);
    const ready = await probe('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.components.database.status).toBe('down');

    const started = Date.now();
    const failed = await agent.gql(CREATE_PROJECT, { input: projectInput({ title: 'Écrit pendant la panne' }) });
    expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.errors?.[0]?.message).toBe('La base de données est momentanément injoignable. Réessayez dans un instant.');
    // Refused connections fail fast (the connect timeout bounds the rest).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await probe('/livez')).status).toBe(200);

    await proxy.start();
    const deadline = Date.now() + 30_000;
    while ((await probe('/readyz')).status !== 200) {
      if (Date.now() > deadline) throw new Error('/readyz did not come back');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await probe('/readyz')).body.components.database.status).toBe('ok');
    const created = await agent.ok(CREATE_PROJECT, { input: projectInput({ title: 'Écrit après la panne' }) });
    expect(created.createProject.id).toBeTruthy();
  });
});
