/**
 * Did a write fail on a unique index (SQLite or PostgreSQL)? Callers answer CONFLICT instead of
 * an internal error. With `column`, only a violation on that column counts: PostgreSQL says
 * `Key (slug)=(…) already exists` (code 23505), SQLite `UNIQUE constraint failed: page.slug`.
 */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; detail?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE' && !/UNIQUE constraint failed/.test(e?.message ?? '')) return false;
  if (column === undefined) return true;
  const text = `${e?.driverError?.detail ?? ''} ${e?.message ?? ''}`;
  return text.includes(`(${column})=`) || text.includes(`.${column}`);
}
