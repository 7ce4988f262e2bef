import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';

export interface ClaimedMail {
  id: number;
  messageId: string;
  category: string;
  message: string;
  attempts: number;
}

export interface MailBackoff {
  baseMs: number;
  maxMs: number;
}

/** Retry delay after `attempts` failures: base, 2 × base, 4 × base… capped (defaults 2 s … 15 min). */
export const mailBackoffMs = (attempts: number, { baseMs, maxMs }: MailBackoff = { baseMs: 2000, maxMs: 15 * 60_000 }) =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));

/**
 * Claims, completes and reschedules mail outbox rows. A claim sets `notBefore` to now + lease,
 * so no other worker takes the row while it is being sent; if the process dies, the lease
 * expires and the row is sent again with the same Message-ID.
 */
export class MailOutboxStore {
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly leaseMs: number,
    private readonly backoff?: MailBackoff,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async claim(limit: number, now = new Date()): Promise<ClaimedMail[]> {
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    if (!this.postgres) {
      const db = this.sqlite();
      return db.transaction(() => {
        const rows = db
          .prepare(
            `SELECT id, messageId, category, message, attempts FROM mail_outbox
             WHERE notBefore IS NULL OR notBefore <= ? ORDER BY id LIMIT ?`,
          )
          .all(DateUtils.mixedDateToUtcDatetimeString(now), limit) as ClaimedMail[];
        if (rows.length) {
          db.prepare(`UPDATE mail_outbox SET notBefore = ?, lastError = NULL WHERE id IN (SELECT value FROM json_each(?))`).run(
            DateUtils.mixedDateToUtcDatetimeString(leaseUntil),
            JSON.stringify(rows.map((r) => r.id)),
          );
        }
        return rows;
      })();
    }
    const result = await this.dataSource.query(
      `UPDATE mail_outbox SET "notBefore" = $1, "lastError" = NULL WHERE id IN (
         SELECT id FROM mail_outbox WHERE "notBefore" IS NULL OR "notBefore" <= $2
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, "messageId", category, message, attempts`,
      [leaseUntil, now, limit],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as ClaimedMail[];
    return rows.sort((a, b) => a.id - b.id);
  }

  /** Sent: the row (and the addresses it held) is deleted. */
  async complete(id: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM mail_outbox WHERE id = ${this.postgres ? '$1' : '?'}`, [id]);
  }

  async fail(row: ClaimedMail, error: string, now = new Date()): Promise<void> {
    const retryAt = new Date(now.getTime() + mailBackoffMs(row.attempts + 1, this.backoff));
    const p = this.postgres ? ['$1', '$2', '$3'] : ['?', '?', '?'];
    await this.dataSource.query(`UPDATE mail_outbox SET attempts = attempts + 1, "notBefore" = ${p[0]}, "lastError" = ${p[1]} WHERE id = ${p[2]}`, [
      this.postgres ? retryAt : DateUtils.mixedDateToUtcDatetimeString(retryAt),
      error.slice(0, 300),
      row.id,
    ]);
  }

  /** Gives a claimed row back without counting an attempt (shutdown before it was tried). */
  async release(ids: number[]): Promise<void> {
    if (!ids.length) return;
    if (this.postgres) await this.dataSource.query(`UPDATE mail_outbox SET "notBefore" = NULL WHERE id = ANY($1::int[])`, [ids]);
    else this.sqlite().prepare(`UPDATE mail_outbox SET notBefore = NULL WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids));
  }

  /**
   * Makes every row that is backing off due now (the SMTP server answered again). A claim clears
   * lastError, so rows leased by a worker (possibly in another process) are left alone.
   */
  async retryNow(): Promise<void> {
    await this.dataSource.query(`UPDATE mail_outbox SET "notBefore" = NULL WHERE "lastError" IS NOT NULL`);
  }

  /** For /healthz and tests: how many rows wait, how many failed at least once, the oldest's age. */
  async stats(now = new Date()): Promise<{ pending: number; failing: number; oldestMs: number }> {
    const [row] = await this.dataSource.query(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN "lastError" IS NOT NULL THEN 1 ELSE 0 END) AS f, MIN("createdAt") AS oldest FROM mail_outbox`,
    );
    // PostgreSQL gives a Date; SQLite the UTC text written by datetime('now').
    const oldestDate = row.oldest == null ? null : row.oldest instanceof Date ? row.oldest : new Date(`${String(row.oldest).replace(' ', 'T')}Z`);
    return { pending: Number(row.n), failing: Number(row.f ?? 0), oldestMs: oldestDate ? Math.max(0, now.getTime() - oldestDate.getTime()) : 0 };
  }

  private sqlite(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }
}
