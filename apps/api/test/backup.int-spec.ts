import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { backupDatabase, restoreDatabase } from '../src/operations/backup';
import { startTestServer, TEST_DB, uniqueEmail } from './harness';

const ME = `{ me { id displayName } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;

(TEST_DB === 'sqlite' ? describe : describe.skip)('backup and restore (SQLite)', () => {
  it('backs up while serving, survives damage, and restores everything', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'essaim-backup-'));
    const email = uniqueEmail('backup');
    let server = await startTestServer({ DATA_DIR: dataDir });
    try {
      const client = await server.registerUser({ email, displayName: 'Avant sauvegarde' });
      // Writes keep going while the snapshot is taken.
      const writes = Promise.all(Array.from({ length: 10 }, () => server.registerUser()));
      const backup = await backupDatabase(server.config);
      await writes;
      expect(backup.bytes).toBeGreaterThan(0);

      // Damage: the account disappears.
      await server.app.get(DataSource).query(`DELETE FROM "user" WHERE "email" = ?`, [email]);
      expect((await client.ok(ME)).me).toBeNull();
      await server.close();

      await restoreDatabase({ dataDir, databaseUrl: null }, backup.file);
      server = await startTestServer({ DATA_DIR: dataDir });
      const again = server.client();
      expect((await again.ok(LOGIN, { email, password: 'correct horse battery staple' })).login.id).toBe(client.userId);
      expect((await again.ok(ME)).me.displayName).toBe('Avant sauvegarde');
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to restore a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'essaim-bad-'));
    writeFileSync(join(dir, 'broken.db'), 'not a database');
    await expect(restoreDatabase({ dataDir: dir, databaseUrl: null }, join(dir, 'broken.db'))).rejects.toMatchObject({
      message: expect.stringContaining('not a database'),
    });
    rmSync(dir, { recursive: true, force: true });
  });
});
