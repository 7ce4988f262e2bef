/**
 * Failures of the machine rather than of the request: a full or failing disk, a read-only
 * file system, a database that does not answer or refuses connections. The user can do nothing
 * about them but retry later, so they answer SERVICE_UNAVAILABLE with a French message that
 * says so, instead of "erreur interne". The operator still gets the full error in the log.
 */
const DISK_FULL = "Le serveur manque d'espace disque : votre modification n'a pas été enregistrée. Réessayez plus tard ; si cela dure, prévenez l'administrateur.";
const DISK_FAILING = "Le disque du serveur ne répond pas correctement : votre modification n'a pas été enregistrée. Réessayez plus tard ; si cela dure, prévenez l'administrateur.";
const READ_ONLY = "Le serveur est momentanément en lecture seule : votre modification n'a pas été enregistrée. Réessayez plus tard.";
const BUSY = "La base de données est trop occupée pour le moment : votre modification n'a pas été enregistrée. Réessayez dans un instant.";
const DATABASE_DOWN = 'La base de données est momentanément injoignable. Réessayez dans un instant.';
const TOO_SLOW = "La base de données a mis trop de temps à répondre. Réessayez dans un instant.";

/** SQLite extended codes start with their primary code (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…). */
const SQLITE: [RegExp, string][] = [
  [/^SQLITE_FULL/, DISK_FULL],
  [/^SQLITE_IOERR/, DISK_FAILING],
  [/^SQLITE_CANTOPEN/, DISK_FAILING],
  [/^SQLITE_READONLY/, READ_ONLY],
  [/^SQLITE_(BUSY|LOCKED)/, BUSY],
];

/** Node's system errors (file writes, sockets to the database). */
const SYSTEM: Record<string, string> = {
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
function postgresMessage(code: string): string | null {
  if (code === '53100') return DISK_FULL; // disk_full
  if (code === '58030') return DISK_FAILING; // io_error
  if (code === '25006') return READ_ONLY; // read_only_sql_transaction (a standby, a read-only cluster)
  if (code === '57014' || code === '55P03') return TOO_SLOW; // statement timeout, lock not available (lock_timeout)
  if (code.startsWith('08') || code.startsWith('57P') || code.startsWith('53')) return DATABASE_DOWN; // connection, shutdown, resources
  return null;
}

/** node-postgres reports these as plain Errors, without a code. */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout|terminating connection)/i;

/** The French message for an infrastructure failure anywhere in `error`'s cause chain, or null. */
export function infrastructureFailureMessage(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, originalError, driverError, cause } = current as { code?: unknown; message?: unknown; originalError?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      for (const [pattern, said] of SQLITE) if (pattern.test(code)) return said;
      if (SYSTEM[code]) return SYSTEM[code];
      if (/^[0-9A-Z]{5}$/.test(code)) {
        const said = postgresMessage(code);
        if (said) return said;
      }
    }
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message)) return DATABASE_DOWN;
    queue.push(originalError, driverError, cause);
  }
  return null;
}
