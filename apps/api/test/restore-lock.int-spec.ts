import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig } from '../src/config/config';
import { backupDatabase, restoreDatabase } from '../src/operations/backup';
import { DataDirBusyError, DataDirLock } from '../src/operations/data-dir-lock';
import { startTestServer, TEST_DB, uniqueEmail } from './harness';
import { startServerProcess } from './server-process';

jest.setTimeout(180_000);

const RESTORE = resolve(__dirname, '../dist/scripts/restore.js');
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const PASSWORD = 'correct horse battery staple';
const built = existsSync(RESTORE);

/** `npm run restore` as the operator runs it: its own process, its own environment (not spawnSync: the test's HTTP connections must stay serviced). */
function runRestore(dataDir: string, file: string): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [RESTORE, file], {
    env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, SEARCH_ENGINE: 'fts', LOG_LEVEL: 'error', DEMO_DATA: 'false', TERRITORY_DEPARTEMENTS: '91,75' },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('close', (status) => done({ status, stderr })));
}

(TEST_DB === 'sqlite' ? describe : describe.skip)('restore under a running server (SQLite, DATA_DIR lock)', () => {
  (built ? it : it.skip)('is refused while a server process holds DATA_DIR, and allowed once it is gone, even after SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'essaim-lock-'));
    const env = { DATA_DIR: dataDir, SEARCH_ENGINE: 'fts' };
    let server = await startServerProcess(env);
    try {
      const email = uniqueEmail('restore');
      const register = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
      await server.client().ok(register, { input: { email, displayName: 'Dans la sauvegarde', password: PASSWORD, territoryCode: '91228' } });
      const backup = await backupDatabase(readConfig({ DATA_DIR: dataDir }));
      const later = uniqueEmail('later');
      await server.client().ok(register, { input: { email: later, displayName: 'Après la sauvegarde', password: PASSWORD, territoryCode: '91228' } });

      const refused = await runRestore(dataDir, backup.file);
      expect(refused.status).toBe(75);
      expect(refused.stderr).toContain('An Essaim server is running on');
      expect(refused.stderr).toContain(`pid ${server.child.pid}`);
      expect(refused.stderr).toMatch(/Stop the server first/);
      // Nothing was touched: the account created after the backup is still there, the server still writes.
      const client = server.client();
      expect((await client.ok(LOGIN, { email: later, password: PASSWORD })).login.id).toBeTruthy();

      // A server killed without a chance to clean up leaves no lock behind (the kernel drops it).
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));
      const restored = await runRestore(dataDir, backup.file);
      expect(restored.stderr).not.toContain('Restore failed');
      expect(restored.status).toBe(0);

      server = await startServerProcess(env);
      const again = server.client();
      expect((await again.ok(LOGIN, { email, password: PASSWORD })).login.id).toBeTruthy();
      const gone = await again.gql(LOGIN, { email: later, password: PASSWORD });
      expect(gone.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses in-process too, and a server does not start while a restore holds DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'essaim-lock-'));
    const server = await startTestServer({ DATA_DIR: dataDir });
    try {
      await server.registerUser();
      const backup = await backupDatabase(server.config);
      await expect(restoreDatabase({ dataDir, databaseUrl: null }, backup.file)).rejects.toBeInstanceOf(DataDirBusyError);
      await server.close();

      const restore = DataDirLock.exclusive(dataDir, 'restore');
      try {
        await expect(startTestServer({ DATA_DIR: dataDir })).rejects.toThrow(/holds .* exclusively/);
      } finally {
        restore.release();
      }
      await restoreDatabase({ dataDir, databaseUrl: null }, backup.file);
      const after = await startTestServer({ DATA_DIR: dataDir });
      await after.close();
    } finally {
      await server.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('restore on PostgreSQL while Essaim processes are connected', () => {
  it('is refused, naming where they connect from', async () => {
    const { Client } = await import('pg');
    const { PG_ADMIN_URL } = await import('./harness');
    const { randomBytes } = await import('node:crypto');
    const { writeFileSync } = await import('node:fs');
    const name = `essaim_restore_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (error) {
      if (process.env.ESSAIM_REQUIRE_SERVICES === '1') throw error;
      return console.warn(`SKIPPED: PostgreSQL unreachable (${(error as Error).message})`);
    }
    await admin.query(`CREATE DATABASE ${name}`);
    const databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const server = await startTestServer({ DATABASE_URL: databaseUrl, SEARCH_ENGINE: 'fts' });
    // Another machine's DATA_DIR: only the database sessions can give the server away.
    const otherDataDir = mkdtempSync(join(tmpdir(), 'essaim-lock-pg-'));
    try {
      const dump = join(otherDataDir, 'dump.pgdump');
      writeFileSync(dump, 'not read: refused before pg_restore runs');
      await expect(restoreDatabase({ dataDir: otherDataDir, databaseUrl }, dump)).rejects.toThrow(
        /Essaim servers are connected to this database .*Stop every API process first/,
      );
    } finally {
      await server.close();
      rmSync(otherDataDir, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
