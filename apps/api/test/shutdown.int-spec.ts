import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { connect, createServer as createNetServer, AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Graceful shutdown of the real built server (`node apps/api/dist/main.js`, so build apps/api
 * first): SIGTERM while two slow requests are in flight (a GraphQL mutation and a page form
 * whose action calls the API over loopback) and a graphql-ws client is connected, then a
 * restart on the same data directory. Always on SQLite (the outbox is read from the file
 * after exit); search on the shared test Meilisearch when global-setup started one, else FTS5.
 */
jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '..', '..', '..');
const ENTRY = join(ROOT, 'apps', 'api', 'dist', 'main.js');
const WEB_BUILD = join(ROOT, 'apps', 'web', 'build');
const GRACE_MS = 15_000;
const PASSWORD = 'correct horse battery staple';
const BEFORE_TITLE = 'Chaufferie biomasse mutualisée';
const DURING_TITLE = 'Ressourcerie intercommunale solidaire';
const PROJECT = {
  summary: 'Un projet enregistré juste avant l’arrêt du serveur.',
  body: 'Texte du projet.',
  themes: ['ONLINE_SERVICES'],
  stage: 'DEPLOYED',
  territoryCode: '91228',
};
const CREATE_PROJECT = 'mutation($input: ProjectInput!) { createProject(input: $input) { id } }';
const SEARCH = 'query($q: String!) { search(q: $q, types: [PROJECT]) { total engine hits { title } } }';

const meili = process.env.ESSAIM_TEST_MEILI_URL ? { url: process.env.ESSAIM_TEST_MEILI_URL, key: process.env.ESSAIM_TEST_MEILI_KEY ?? '' } : null;
const webBuilt = existsSync(join(WEB_BUILD, 'handler.js'));

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** One run of the built server as a child process. */
class ServerProcess {
  readonly output: string[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | null = null;
  readonly exited: Promise<NonNullable<ServerProcess['exit']>>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        resolveExit(this.exit);
      }),
    );
  }

  static async start(port: number, env: Record<string, string>): Promise<ServerProcess> {
    const base = { ...process.env };
    for (const name of [
      'DATABASE_URL',
      'REDIS_URL',
      'MEILI_URL',
      'MEILI_MASTER_KEY',
      'MEILI_INDEX_PREFIX',
      'SEARCH_ENGINE',
      'ESSAIM_API_URL',
      'PUBLIC_URL',
      'ORIGIN',
    ])
      delete base[name];
    const child = spawn(process.execPath, [ENTRY], { cwd: ROOT, env: { ...base, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(child, port);
    try {
      await until(
        'the server to answer /healthz',
        async () => {
          if (server.exit) throw new Error(`the server exited with code ${server.exit.code}`);
          try {
            return (await fetch(`${server.url}/healthz`)).status === 200;
          } catch {
            return false;
          }
        },
        90_000,
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${server.output.join('').slice(-6000)}`, { cause: error });
    }
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Messages logged by one context (pino JSON lines). */
  logs(context: string): string[] {
    return this.output
      .join('')
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { context?: string; msg?: string };
          return entry.context === context && entry.msg ? [entry.msg] : [];
        } catch {
          return [];
        }
      });
  }

  async stop(): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), GRACE_MS + 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A tiny GraphQL client keeping the session cookie. */
class Gql {
  private cookie = '';
  constructor(private readonly url: string) {}

  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (cookies.length) this.cookie = cookies.join('; ');
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  get cookieHeader(): string {
    return this.cookie;
  }
}

interface SlowResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request whose body is sent in two halves: the server has it in flight (headers read, body
 * awaited) until finish() sends the rest.
 */
function slowRequest(port: number, path: string, headers: Record<string, string>, body: string, agent: Agent) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const state = { settled: false };
  const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': String(bytes.length) } });
  const response = new Promise<SlowResponse>((resolveResponse, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.once('error', reject);
    });
    req.once('error', reject);
  }).finally(() => (state.settled = true));
  req.flushHeaders();
  req.write(bytes.subarray(0, half));
  return { state, response, finish: () => req.end(bytes.subarray(half)) };
}

/** 'ECONNREFUSED' once nothing listens on the port any more. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolveOutcome) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveOutcome('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolveOutcome(error.code ?? error.message));
  });
}

describe('graceful shutdown (SIGTERM on the built server)', () => {
  if (!existsSync(ENTRY)) {
    it('needs the built server', () => {
      throw new Error(`${ENTRY} is missing: run "npm run build -w @essaim/api" first`);
    });
    return;
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'essaim-shutdown-'));
  // A private copy of the web build: a rebuild by someone else cannot pull files from under the server.
  const webBuild = join(ROOT, 'test-results', `shutdown-web-build-${process.pid}`);
  const indexPrefix = `shut${randomBytes(5).toString('hex')}`;
  let port: number;
  let env: Record<string, string>;
  let first: ServerProcess;
  let second: ServerProcess | undefined;
  let ws: Client | undefined;
  const wsEvents: { type: 'connected' | 'closed'; code?: number; reason?: string }[] = [];
  let wsGaveUp: unknown = null;
  let signalledAt = 0;

  beforeAll(async () => {
    if (webBuilt) cpSync(WEB_BUILD, webBuild, { recursive: true });
    port = await freePort();
    env = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      TERRITORY_DEPARTEMENTS: '91',
      LOG_LEVEL: 'info',
      SERVE_WEB: webBuilt ? 'true' : 'false',
      WEB_BUILD_DIR: webBuild,
      RATE_LIMIT_REGISTER_PER_HOUR: '1000',
      RATE_LIMIT_LOGIN_PER_15_MIN: '1000',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      // The shared test Meilisearch (global-setup) as an external engine; without it, the database's full-text search.
      ...(meili
        ? { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: indexPrefix, SEARCH_ENGINE: 'meilisearch' }
        : { SEARCH_ENGINE: 'fts' }),
    };
    first = await ServerProcess.start(port, env);
  });

  afterAll(async () => {
    await ws?.dispose();
    await second?.stop();
    if (first && !first.exit) first.child.kill('SIGKILL');
    if (meili) {
      await fetch(`${meili.url}/indexes/${indexPrefix}_documents`, { method: 'DELETE', headers: { authorization: `Bearer ${meili.key}` } }).catch(
        () => undefined,
      );
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webBuild, { recursive: true, force: true });
  });

  let slowMutation: ReturnType<typeof slowRequest>;
  let slowLogin: ReturnType<typeof slowRequest> | null = null;
  let email: string;

  it('lets slow in-flight requests finish, refuses new connections and tells WebSocket clients to reconnect', async () => {
    const member = new Gql(first.url);
    email = `agent.${randomBytes(4).toString('hex')}@example.org`;
    const { register } = await member.ok<{ register: { id: string } }>('mutation($input: RegisterInput!) { register(input: $input) { id } }', {
      input: { email, displayName: 'Agent Arrêt', password: PASSWORD, territoryCode: '91228' },
    });
    // Verified as an admin would (a chosen territory grants nothing until then), in the server's own database file.
    const db = new Database(join(dataDir, 'essaim.db'));
    db.prepare(`UPDATE "membership" SET "status" = 'VERIFIED', "method" = 'ADMIN' WHERE "userId" = ?`).run(Number(register.id));
    db.close();

    // A graphql-ws client set up like the web app's (apps/web/src/lib/seminars/live.ts), only faster:
    // graphql-ws retries a 1012 close by itself, but while the server is down each attempt
    // fails with an error event, which only `shouldRetry: () => true` keeps retrying.
    ws = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: () => sleep(250),
      onNonLazyError: (error) => (wsGaveUp = error),
      on: {
        connected: () => wsEvents.push({ type: 'connected' }),
        closed: (event) => wsEvents.push({ type: 'closed', code: (event as { code?: number }).code, reason: (event as { reason?: string }).reason }),
      },
    });
    await until('the WebSocket to connect', () => wsEvents.some((e) => e.type === 'connected'));

    // In flight before the signal: a mutation whose body is still arriving, on a keep-alive connection…
    const agent = new Agent({ keepAlive: true });
    slowMutation = slowRequest(
      port,
      '/graphql',
      { 'content-type': 'application/json', cookie: member.cookieHeader },
      JSON.stringify({ query: CREATE_PROJECT, variables: { input: { ...PROJECT, title: DURING_TITLE } } }),
      agent,
    );
    // …and, with the web app, a login form whose action calls the API over loopback once the body is in.
    if (webBuilt) {
      slowLogin = slowRequest(
        port,
        '/connexion',
        { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: first.url },
        new URLSearchParams({ email, password: PASSWORD }).toString(),
        agent,
      );
    }
    // Content saved right before the signal.
    await member.ok(CREATE_PROJECT, { input: { ...PROJECT, title: BEFORE_TITLE } });
    await sleep(500);

    signalledAt = Date.now();
    first.child.kill('SIGTERM');

    // (b) The port stops accepting connections while the slow requests are still running.
    await until('connections to be refused', async () => (await tryConnect(port)) === 'ECONNREFUSED', 5000);
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();
    expect(slowMutation.state.settled).toBe(false);
    if (slowLogin) expect(slowLogin.state.settled).toBe(false);

    // (c) The WebSocket was closed with 1012 "Service Restart", which graphql-ws clients retry.
    const closed = await until('the WebSocket close', () => wsEvents.find((e) => e.type === 'closed'), 5000);
    expect(closed).toMatchObject({ code: 1012, reason: 'Service restart' });

    // (a) Once their bodies arrive, the in-flight requests complete normally.
    await sleep(500);
    slowMutation.finish();
    slowLogin?.finish();
    const mutation = await slowMutation.response;
    expect(mutation.status).toBe(200);
    expect(JSON.parse(mutation.body)).toMatchObject({ data: { createProject: { id: expect.any(String) } } });
    expect(mutation.headers.connection).toBe('close');
    if (slowLogin) {
      // The form action reached the API after the public port closed: logged in and redirected.
      const login = await slowLogin.response;
      expect(login.status).toBe(303);
      expect(login.headers['set-cookie']?.join(';')).toMatch(/essaim_session=[^;]+/);
    }
    agent.destroy();
  });

  it('exits with code 0 within the grace period, logging each step', async () => {
    const exit = await first.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan(GRACE_MS);
    const steps = first.logs('Shutdown');
    const expected = [
      /^SIGTERM received: shutting down gracefully \(grace period 15000 ms\)$/,
      new RegExp(`^Stopped accepting connections; ${webBuilt ? 2 : 1} request\\(s\\) in flight, 1 WebSocket\\(s\\) open$`),
      /^Closed 1 WebSocket\(s\) with code 1012/,
      /^In-flight requests finished/,
      /^Flushing the search outbox to (meilisearch|sqlite-fts5)/,
      /^Search outbox drained: \d+ change\(s\) sent$/,
      /^Search engine stopped$/,
      /^Closing the database$/,
      /^Shutdown complete in \d+ ms$/,
    ];
    let at = -1;
    for (const pattern of expected) {
      const index = steps.findIndex((message, i) => i > at && pattern.test(message));
      if (index < 0) throw new Error(`missing shutdown step ${pattern} in:\n${steps.join('\n')}`);
      at = index;
    }
  });

  it('has sent the content saved before and during the shutdown to the search index', async () => {
    // Nothing waits in the outbox: it was flushed before the process exited.
    const db = new Database(join(dataDir, 'essaim.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM search_outbox').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    if (meili) {
      for (const title of [BEFORE_TITLE, DURING_TITLE]) {
        const response = await fetch(`${meili.url}/indexes/${indexPrefix}_documents/search`, {
          method: 'POST',
          headers: { authorization: `Bearer ${meili.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ q: title }),
        });
        expect(((await response.json()) as { hits: { title: string }[] }).hits.map((h) => h.title)).toContain(title);
      }
    }

    // After a restart on the same data, search finds both, and the WebSocket client is back.
    second = await ServerProcess.start(port, env);
    const anonymous = new Gql(second.url);
    for (const [q, title] of [
      ['chaufferie', BEFORE_TITLE],
      ['ressourcerie', DURING_TITLE],
    ]) {
      const { search } = await anonymous.ok<{ search: { total: number; engine: string; hits: { title: string }[] } }>(SEARCH, { q });
      expect(search.engine).toBe(meili ? 'meilisearch' : 'sqlite-fts5');
      expect(search.hits.map((h) => h.title)).toEqual([title]);
    }
    await until('the WebSocket client to reconnect', () => wsEvents.filter((e) => e.type === 'connected').length >= 2, 30_000);
    expect(wsGaveUp).toBeNull();
    await ws?.dispose();
    ws = undefined;
    await second.stop();
    expect(second.exit).toMatchObject({ code: 0 });
  });
});
