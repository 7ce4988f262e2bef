import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';

/** Arbitrary, fixed, distinct from the other advisory locks (search outbox 7364202, PostgreSQL FTS 7364201). */
const PG_STARTUP_LOCK = 7_364_210;
const WAIT_MS = 10 * 60_000;

/**
 * Runs `work` while no other process sharing the database runs its own: migrations, the
 * territory import and the demo seed are then done once, by whichever process comes first,
 * and the others find them done. PostgreSQL: a session advisory lock on its own connection
 * (released by the server if this process dies). SQLite: an exclusive file lock on
 * `DATA_DIR/essaim-startup.lock` (released by the kernel likewise).
 */
export async function withStartupLock<T>(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'pgConnectTimeoutMs'>>,
  work: () => Promise<T>,
): Promise<T> {
  if (config.databaseUrl) {
    const client = new Client({
      connectionString: config.databaseUrl,
      connectionTimeoutMillis: config.pgConnectTimeoutMs ?? 10_000,
      application_name: 'essaim',
    });
    await client.connect();
    // A dead connection must not kill the process (an 'error' event without a listener would); work() then fails on its own.
    client.on('error', () => undefined);
    try {
      await client.query(`SET lock_timeout = ${WAIT_MS}`);
      await client.query('SELECT pg_advisory_lock($1)', [PG_STARTUP_LOCK]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PG_STARTUP_LOCK]).catch(() => undefined);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  mkdirSync(config.dataDir, { recursive: true });
  const db = new Database(join(config.dataDir, 'essaim-startup.lock'), { timeout: WAIT_MS });
  try {
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE');
    try {
      return await work();
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}
