/** True when a write failed on a unique index (SQLite or PostgreSQL), to answer CONFLICT instead of an internal error. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
