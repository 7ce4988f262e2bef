import { DateUtils, EntityManager } from 'typeorm';

export function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres';
}

/**
 * Runs raw SQL written with PostgreSQL placeholders ($1, $2…) on either driver: for SQLite the
 * placeholders become `?` and the parameters are reordered to match.
 */
export async function rawQuery<T = Record<string, unknown>>(manager: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  if (isPostgres(manager)) {
    const result = await manager.query(text, params);
    // UPDATE/DELETE answer [rows, count] on PostgreSQL; everything we run here returns rows.
    return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) ? result[0] : result) as T[];
  }
  const ordered: unknown[] = [];
  const sqliteText = text.replace(/\$(\d+)/g, (_m, n: string) => {
    const value = params[Number(n) - 1];
    ordered.push(value instanceof Date ? DateUtils.mixedDateToUtcDatetimeString(value) : typeof value === 'boolean' ? Number(value) : value);
    return '?';
  });
  return (await manager.query(sqliteText, ordered)) as T[];
}
