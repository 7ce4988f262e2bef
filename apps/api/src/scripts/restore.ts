import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDotEnv, readConfig } from '../config/config';
import { restoreDatabase } from '../operations/backup';
import { DataDirBusyError } from '../operations/data-dir-lock';

/**
 * `npm run restore -- FILE`: restores the database, then rebuilds the search index. Refused
 * (exit code 75, EX_TEMPFAIL) while a server runs on the same DATA_DIR or database.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run restore -- path/to/backup (.db for SQLite, .pgdump for PostgreSQL). Stop the server first.');
    process.exit(64);
  }
  const config = readConfig();
  await restoreDatabase(config, file);
  console.log(`Database restored from ${file}.`);
  const reindex = join(__dirname, 'reindex.js');
  if (!existsSync(reindex)) {
    console.warn('Rebuild the search index with `npm run search:reindex`.');
    return;
  }
  const result = spawnSync(process.execPath, [reindex], { stdio: 'inherit' });
  if (result.status !== 0) console.warn('The search index could not be rebuilt now; run `npm run search:reindex` once the engine is reachable.');
}

main().catch((error) => {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(error instanceof DataDirBusyError ? 75 : 1);
});
