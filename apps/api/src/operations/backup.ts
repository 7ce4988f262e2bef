import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AppConfig } from '../config/config';
import { PG_APPLICATION_NAME } from '../database/data-source-options';
import { DataDirBusyError, DataDirLock } from './data-dir-lock';

export interface BackupResult {
  file: string;
  bytes: number;
  driver: 'sqlite' | 'postgres';
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');

/**
 * A consistent snapshot while the server runs: SQLite's online backup API (readers and
 * writers keep going), or pg_dump's custom format for PostgreSQL.
 */
export async function backupDatabase(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>, out?: string): Promise<BackupResult> {
  const dir = join(config.dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  if (config.databaseUrl) {
    const file = resolve(out ?? join(dir, `essaim-${stamp()}.pgdump`));
    const result = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', file, config.databaseUrl], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr || result.error?.message}`);
    return { file, bytes: statSync(file).size, driver: 'postgres' };
  }
  const source = join(config.dataDir, 'essaim.db');
  if (!existsSync(source)) throw new Error(`No database at ${source}`);
  const file = resolve(out ?? join(dir, `essaim-${stamp()}.db`));
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(file);
  } finally {
    db.close();
  }
  const check = new Database(file, { readonly: true });
  try {
    const [row] = check.pragma('integrity_check') as { integrity_check: string }[];
    if (row?.integrity_check !== 'ok') throw new Error(`The backup failed its integrity check: ${row?.integrity_check}`);
  } finally {
    check.close();
  }
  return { file, bytes: statSync(file).size, driver: 'sqlite' };
}

/**
 * Brings a backup back. Refused while a server runs on the same DATA_DIR (it holds the
 * DATA_DIR lock; see data-dir-lock.ts) or, for PostgreSQL, while any Essaim process is
 * connected to the database. The search index is a projection of the database: rebuild it
 * afterwards (`npm run search:reindex`, which `npm run restore` runs for you).
 */
export async function restoreDatabase(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>, backupFile: string): Promise<void> {
  const file = resolve(backupFile);
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  const lock = DataDirLock.exclusive(config.dataDir, 'restore');
  try {
    if (config.databaseUrl) {
      await refuseWhileConnected(config.databaseUrl);
      const result = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', config.databaseUrl, file], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`pg_restore failed: ${result.stderr || result.error?.message}`);
      return;
    }
    restoreSqlite(config.dataDir, file);
  } finally {
    lock.release();
  }
}

function restoreSqlite(dataDir: string, file: string): void {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const [row] = check.pragma('integrity_check') as { integrity_check: string }[];
    if (row?.integrity_check !== 'ok') throw new Error(`${basename(file)} is not a sound SQLite database: ${row?.integrity_check}`);
  } finally {
    check.close();
  }
  const target = join(dataDir, 'essaim.db');
  mkdirSync(dataDir, { recursive: true });
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
}

/** Servers on other machines do not share this DATA_DIR: their database sessions give them away. */
async function refuseWhileConnected(databaseUrl: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT client_addr::text AS addr, count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid() GROUP BY client_addr`,
      [PG_APPLICATION_NAME],
    );
    if (rows.length) {
      const where = rows.map((r: { addr: string | null; n: number }) => `${r.n} from ${r.addr ?? 'a local socket'}`).join(', ');
      throw new DataDirBusyError(
        `Essaim servers are connected to this database (${where}): restore refused, it would lose what they write. Stop every API process first, then run this command again.`,
      );
    }
  } finally {
    await client.end();
  }
}
