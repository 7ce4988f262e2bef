import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AppConfig } from '../config/config';

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
 * Brings a backup back. The server must be stopped (SQLite) or idle (PostgreSQL). The search
 * index is a projection of the database: rebuild it afterwards (`npm run search:reindex`,
 * which `npm run restore` runs for you).
 */
export function restoreDatabase(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>, backupFile: string): void {
  const file = resolve(backupFile);
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (config.databaseUrl) {
    const result = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', config.databaseUrl, file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pg_restore failed: ${result.stderr || result.error?.message}`);
    return;
  }
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const [row] = check.pragma('integrity_check') as { integrity_check: string }[];
    if (row?.integrity_check !== 'ok') throw new Error(`${basename(file)} is not a sound SQLite database: ${row?.integrity_check}`);
  } finally {
    check.close();
  }
  const target = join(config.dataDir, 'essaim.db');
  mkdirSync(config.dataDir, { recursive: true });
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
}
