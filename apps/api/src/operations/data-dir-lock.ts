import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * A readers-writer lock on DATA_DIR, held through the operating system's file locks
 * (fcntl, taken by SQLite on `DATA_DIR/essaim.lock`): every server holds it shared for its
 * whole life; `npm run restore` takes it exclusively. The kernel releases it when the holder
 * exits, even after SIGKILL or an out-of-memory kill, so a stale lock cannot block anyone, and
 * no process id is guessed. Works for processes in different containers that mount the same
 * volume (one kernel). See docs/adr/0017-data-dir-lock.md.
 */
export class DataDirLock {
  private constructor(
    private db: Database.Database | null,
    private readonly infoFile: string | null,
    private readonly instance: string,
  ) {}

  /** For a server: many may hold it together; refused while a restore holds it. */
  static shared(dataDir: string, waitMs = 2000): DataDirLock {
    const db = open(dataDir, waitMs);
    try {
      db.exec('BEGIN');
      // A read inside an open transaction keeps SQLite's SHARED lock on the file until release().
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      db.close();
      if (isBusy(error))
        throw new DataDirBusyError(
          `Another command (a restore?) holds ${dataDir} exclusively${describeHolder(dataDir, 'maintenance')}. Wait for it to finish, then start the server again.`,
        );
      throw error;
    }
    const instance = randomBytes(6).toString('hex');
    const info = join(dataDir, `essaim-server-${instance}.json`);
    writeFileSync(info, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
    return new DataDirLock(db, info, instance);
  }

  /** For a restore: refused while any server (or another restore) holds the directory. */
  static exclusive(dataDir: string, purpose: string): DataDirLock {
    const db = open(dataDir, 0);
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if (isBusy(error)) {
        throw new DataDirBusyError(
          `An Essaim server is running on ${dataDir}${describeHolder(dataDir, 'server')}: ${purpose} refused, it would lose what the server writes. ` +
            'Stop the server first (systemctl stop essaim, docker compose stop api, or kill -TERM <pid>), then run this command again.',
        );
      }
      throw error;
    }
    const info = join(dataDir, 'essaim-maintenance.json');
    writeFileSync(info, JSON.stringify({ pid: process.pid, host: hostname(), purpose, startedAt: new Date().toISOString() }));
    return new DataDirLock(db, info, 'maintenance');
  }

  release(): void {
    if (!this.db) return;
    if (this.infoFile) rmSync(this.infoFile, { force: true });
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // the transaction is gone with the connection anyway
    }
    this.db.close();
    this.db = null;
  }
}

export class DataDirBusyError extends Error {}

function open(dataDir: string, waitMs: number): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  // Left in its default rollback-journal mode (never WAL): its SHARED/EXCLUSIVE file locks make the readers-writer lock.
  return new Database(join(dataDir, 'essaim.lock'), { timeout: waitMs });
}

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: string }).code ?? ''));

/** Who holds it, from the informational files the holders write (they may be left over by a killed process). */
function describeHolder(dataDir: string, kind: 'server' | 'maintenance'): string {
  const files = readdirSync(dataDir).filter((f) => (kind === 'server' ? /^essaim-server-[0-9a-f]+\.json$/.test(f) : f === 'essaim-maintenance.json'));
  const holders = files
    .map((f) => {
      try {
        return JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as { pid: number; host: string; startedAt: string };
      } catch {
        return null;
      }
    })
    .filter((h): h is { pid: number; host: string; startedAt: string } => !!h && (h.host !== hostname() || isAlive(h.pid)));
  if (!holders.length) return '';
  return ` (${holders.map((h) => `pid ${h.pid} on ${h.host}, started ${h.startedAt}`).join('; ')})`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
