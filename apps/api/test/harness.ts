import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig, readConfig } from '../src/config/config';
import { createServer } from '../src/server';

/**
 * Integration tests run the real Nest app over HTTP against a real database file (SQLite) or,
 * with ESSAIM_TEST_DB=postgres, a fresh database on the machine's PostgreSQL.
 */
export const TEST_DB = (process.env.ESSAIM_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_ADMIN_URL = process.env.ESSAIM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: string[] }[];
  headers: Headers;
}

export class GqlClient {
  readonly cookies = new Map<string, string>();
  readonly headers: Record<string, string> = {};

  constructor(readonly url: string) {}

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookieHeader(), ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
    this.storeCookies(response.headers);
    const body = (await response.json()) as { data?: T; errors?: GqlResponse['errors'] };
    return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers };
  }

  /** Like gql() but fails the test with the errors when there are any. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  storeCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface TestServer {
  app: INestApplication;
  url: string;
  config: AppConfig;
  client(): GqlClient;
  /**
   * Registers (and so logs in) a new member; returns the logged-in client. Its membership of
   * `territoryCode` is then verified as an admin would (`verified: false` leaves it PENDING).
   */
  registerUser(
    input?: Partial<{ email: string; displayName: string; password: string; territoryCode: string | null; verified: boolean }>,
  ): Promise<GqlClient & { userId: string }>;
  /** Creates a user with a role directly in the database and returns a logged-in client. */
  userWithRole(
    role: AppConfig extends never ? never : 'MEMBER' | 'FACILITATOR' | 'MODERATOR' | 'ADMIN',
    territoryCode?: string | null,
  ): Promise<GqlClient & { userId: string }>;
  /** Marks the account's address as proven, as following the e-mailed link does. */
  verifyEmail(userId: string | number): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now().toString(36)}.${counter++}.${randomBytes(3).toString('hex')}@example.org`;
export const TEST_PASSWORD = 'correct horse battery staple';

/** Starts a fresh server with its own data directory (and PostgreSQL database when selected). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'essaim-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (TEST_DB === 'postgres') {
    const name = `essaim_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    dropDatabase = async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = readConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    SERVE_WEB: 'false',
    TERRITORY_DEPARTEMENTS: '91,75',
    RATE_LIMIT_REGISTER_PER_HOUR: '100000',
    RATE_LIMIT_LOGIN_PER_15_MIN: '100000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // One shared Meilisearch for the run (global-setup), an index prefix per server; without it, the FTS fallback.
    ...(process.env.ESSAIM_TEST_MEILI_URL
      ? {
          MEILI_URL: process.env.ESSAIM_TEST_MEILI_URL,
          MEILI_MASTER_KEY: process.env.ESSAIM_TEST_MEILI_KEY ?? '',
          MEILI_INDEX_PREFIX: `t${randomBytes(6).toString('hex')}`,
        }
      : { SEARCH_ENGINE: 'fts' }),
    ...env,
  });
  const app = await createServer(config);
  await app.listen(config.port, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;

  const server: TestServer = {
    app,
    url,
    config,
    client: () => new GqlClient(url),
    async registerUser(input = {}) {
      const client = new GqlClient(url) as GqlClient & { userId: string };
      const data = await client.ok(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
        input: {
          email: input.email ?? uniqueEmail(),
          displayName: input.displayName ?? `Agent ${counter}`,
          password: input.password ?? TEST_PASSWORD,
          territoryCode: input.territoryCode === undefined ? '91228' : input.territoryCode,
        },
      });
      client.userId = data.register.id;
      const territoryCode = input.territoryCode === undefined ? '91228' : input.territoryCode;
      if (territoryCode && input.verified !== false) {
        const { MembershipsService } = await import('../src/accounts/memberships/memberships.service');
        await app.get(MembershipsService).grantVerified(Number(client.userId), territoryCode, 'ADMIN');
      }
      return client;
    },
    async userWithRole(role, territoryCode = '91228') {
      const client = await server.registerUser({ territoryCode });
      if (role !== 'MEMBER') {
        const { DataSource } = await import('typeorm');
        await app
          .get(DataSource)
          .query(`UPDATE "user" SET "role" = $1 WHERE "id" = $2`.replace(/\$\d/g, TEST_DB === 'postgres' ? (m) => m : () => '?'), [
            role,
            Number(client.userId),
          ]);
      }
      return client;
    },
    async verifyEmail(userId) {
      const { DataSource } = await import('typeorm');
      const { User } = await import('../src/accounts/user.entity');
      const { MembershipsService } = await import('../src/accounts/memberships/memberships.service');
      const users = app.get(DataSource).getRepository(User);
      await users.update({ id: Number(userId) }, { emailVerifiedAt: new Date() });
      await app.get(MembershipsService).onEmailVerified(await users.findOneByOrFail({ id: Number(userId) }));
    },
    async close() {
      await app.close();
      if (config.meiliUrl && config.meiliUrl === process.env.ESSAIM_TEST_MEILI_URL) {
        // Drop this server's index from the shared test Meilisearch.
        await fetch(`${config.meiliUrl}/indexes/${config.meiliIndexPrefix}_documents`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${config.meiliMasterKey}` },
        }).catch(() => undefined);
      }
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
