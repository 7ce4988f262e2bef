import type { DataSource } from 'typeorm';
import { TEST_DB } from './harness';

/**
 * Moves an account's creation a month back, past the new-account limits (links, posting rate),
 * as if it had taken part for a while already.
 */
export async function establishAccount(db: DataSource, userId: string | number): Promise<void> {
  const monthAgo = new Date(Date.now() - 30 * 86_400_000);
  const sql = TEST_DB === 'postgres' ? `UPDATE "user" SET "createdAt" = $1 WHERE id = $2` : `UPDATE "user" SET "createdAt" = ? WHERE id = ?`;
  await db.query(sql, [TEST_DB === 'postgres' ? monthAgo : monthAgo.toISOString().replace('T', ' ').replace('Z', ''), Number(userId)]);
}
