/**
 * Failures of the machine rather than of the request: a full or failing disk, a read-only
 * file system, a database that does not answer or refuses connections. The user can do nothing
 * about them but retry later, so they answer SERVICE_UNAVAILABLE with a message that
 * says so (in the caller's language), instead of "erreur interne". The operator still gets the full error in the log.
 */
type Reason = 'DISK_FULL' | 'DISK_FAILING' | 'READ_ONLY' | 'DATABASE_BUSY' | 'DATABASE_DOWN' | 'DATABASE_TOO_SLOW';
const DISK_FULL: Reason = 'DISK_FULL';
const DISK_FAILING: Reason = 'DISK_FAILING';
const READ_ONLY: Reason = 'READ_ONLY';
const BUSY: Reason = 'DATABASE_BUSY';
const DATABASE_DOWN: Reason = 'DATABASE_DOWN';
const TOO_SLOW: Reason = 'DATABASE_TOO_SLOW';

/** SQLite extended codes start with their primary code (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…). */
const SQLITE: [RegExp, Reason][] = [
  [/^SQLITE_FULL/, DISK_FULL],
  [/^SQLITE_IOERR/, DISK_FAILING],
  [/^SQLITE_CANTOPEN/, DISK_FAILING],
  [/^SQLITE_READONLY/, READ_ONLY],
  [/^SQLITE_(BUSY|LOCKED)/, BUSY],
];

/** Node's system errors (file writes, sockets to the database). */
const SYSTEM: Record<string, Reason> = {
  ENOSPC: DISK_FULL,
  EDQUOT: DISK_FULL,
  EIO: DISK_FAILING,
  EROFS: READ_ONLY,
  ECONNREFUSED: DATABASE_DOWN,
  ECONNRESET: DATABASE_DOWN,
  EPIPE: DATABASE_DOWN,
  ETIMEDOUT: DATABASE_DOWN,
  EHOSTUNREACH: DATABASE_DOWN,
  ENOTFOUND: DATABASE_DOWN,
  EAI_AGAIN: DATABASE_DOWN,
};

/** PostgreSQL SQLSTATE codes and classes. */
function postgresReason(code: string): Reason | null {
  if (code === '53100') return DISK_FULL; // disk_full
  if (code === '58030') return DISK_FAILING; // io_error
  if (code === '25006') return READ_ONLY; // read_only_sql_transaction (a standby, a read-only cluster)
  if (code === '57014' || code === '55P03') return TOO_SLOW; // statement timeout, lock not available (lock_timeout)
  if (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53')) return DATABASE_DOWN; // connection, shutdown, resources
  return null;
}

/** node-postgres reports these as plain Errors, without a code. */
const PG_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout|terminating connection)/i;

/** The reason (catalogue of @essaim/domain) of an infrastructure failure anywhere in `error`'s cause chain, or null. */
export function infrastructureFailureReason(error: unknown): Reason | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, originalError, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      originalError?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') {
      for (const [pattern, said] of SQLITE) if (pattern.test(code)) return said;
      if (SYSTEM[code]) return SYSTEM[code];
      if (/^[0-9A-Z]{5}$/.test(code)) {
        const said = postgresReason(code);
        if (said) return said;
      }
    }
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message)) return DATABASE_DOWN;
    queue.push(originalError, driverError, cause);
  }
  return null;
}
