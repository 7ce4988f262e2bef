import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { SearchDocType } from './search-document';

export interface ClaimedRow {
  id: number;
  docType: SearchDocType;
  docId: string;
  attempts: number;
  /**
   * Claimed while another process rebuilds the index: send it to the live index now (so the
   * change is searchable at once) and keep the row, to send it again after the swap.
   */
  resendAfterRebuild?: boolean;
}

/** While another process rebuilds, rows sent to the live index come back this often until the swap. */
export const REBUILD_RESEND_MS = 2_000;

/**
 * How long a claimed row stays reserved for the worker that claimed it (its lease). Short, so
 * the rows of a worker that died are taken again within seconds; renewed every LEASE_RENEW_MS
 * while the batch is being indexed, so a slow batch is never taken twice.
 */
export const LEASE_MS = 10_000;
export const LEASE_RENEW_MS = 3_000;
const PG_LOCK = 7_364_202;

const REBUILD_KEY = 'search:rebuild';
/** A rebuild whose heartbeat is older than this is considered dead (its process crashed). */
const REBUILD_STALE_MS = 120_000;

function rebuildByOther(marker: string | undefined, owner: string, now: Date): boolean {
  if (!marker) return false;
  try {
    const { owner: by, heartbeat } = JSON.parse(marker) as { owner: string; heartbeat: number };
    return by !== owner && now.getTime() - heartbeat < REBUILD_STALE_MS;
  } catch {
    return false;
  }
}

/** Retry delay after `attempts` failures: 1 s, 2 s, 4 s… capped at 5 minutes. */
export const backoffMs = (attempts: number) => Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));

/**
 * Claims, completes and reschedules outbox rows. A claim sets `notBefore` to now + lease, so
 * the row is invisible to other workers; a row whose document already has a leased or
 * backing-off row is skipped, so one document is never indexed by two workers at once (an
 * older load could otherwise land after a newer one). If a worker dies, its lease expires and
 * another worker takes the rows again: indexing is an idempotent upsert of the current state.
 */
export class SearchOutboxStore {
  private readonly postgres: boolean;

  /** Identifies this process in the rebuild marker. */
  readonly owner = `${process.pid}-${randomBytes(4).toString('hex')}`;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async claim(limit: number, now = new Date()): Promise<ClaimedRow[]> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    if (!this.postgres) {
      const db = this.sqlite();
      const n = DateUtils.mixedDateToUtcDatetimeString(now);
      return db.transaction(() => {
        const marker = db.prepare(`SELECT value FROM app_meta WHERE key = ?`).pluck().get(REBUILD_KEY) as string | undefined;
        const foreignRebuild = rebuildByOther(marker, this.owner, now);
        const rows = db
          .prepare(
            `SELECT o.id, o.docType, o.docId, o.attempts FROM search_outbox o
             WHERE (o.notBefore IS NULL OR o.notBefore <= ?)
               AND NOT EXISTS (SELECT 1 FROM search_outbox b WHERE b.docId = o.docId AND b.docType = o.docType AND b.notBefore > ?)
             ORDER BY o.id LIMIT ?`,
          )
          .all(n, n, limit) as ClaimedRow[];
        if (rows.length) {
          db.prepare(`UPDATE search_outbox SET notBefore = ? WHERE id IN (SELECT value FROM json_each(?))`).run(
            DateUtils.mixedDateToUtcDatetimeString(leaseUntil),
            JSON.stringify(rows.map((r) => r.id)),
          );
        }
        return foreignRebuild ? rows.map((r) => ({ ...r, resendAfterRebuild: true })) : rows;
      })();
    }
    return this.dataSource.transaction(async (m) => {
      // Claims are short; serialising them makes the "no leased row for this document" test reliable.
      await m.query(`SELECT pg_advisory_xact_lock(${PG_LOCK})`);
      const [marker] = await m.query(`SELECT value FROM app_meta WHERE key = $1`, [REBUILD_KEY]);
      const foreignRebuild = rebuildByOther(marker?.value, this.owner, now);
      const rows: ClaimedRow[] = await m
        .query(
          `UPDATE search_outbox SET "notBefore" = $1 WHERE id IN (
           SELECT o.id FROM search_outbox o
           WHERE (o."notBefore" IS NULL OR o."notBefore" <= $2)
             AND NOT EXISTS (SELECT 1 FROM search_outbox b WHERE b."docId" = o."docId" AND b."docType" = o."docType" AND b."notBefore" > $2)
           ORDER BY o.id LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING id, "docType", "docId", attempts`,
          [leaseUntil, now, limit],
        )
        .then((result: [ClaimedRow[], number] | ClaimedRow[]) => (Array.isArray(result[0]) ? (result[0] as ClaimedRow[]) : (result as ClaimedRow[])));
      return foreignRebuild ? rows.map((r) => ({ ...r, resendAfterRebuild: true })) : rows;
    });
  }

  /** Extends the lease of rows this worker is still indexing (rows already completed are gone: nothing happens). */
  async renew(ids: number[], now = new Date()): Promise<void> {
    if (!ids.length) return;
    const until = new Date(now.getTime() + LEASE_MS);
    if (!this.postgres) {
      this.sqlite()
        .prepare(`UPDATE search_outbox SET notBefore = ? WHERE id IN (SELECT value FROM json_each(?))`)
        .run(DateUtils.mixedDateToUtcDatetimeString(until), JSON.stringify(ids));
      return;
    }
    await this.dataSource.query(`UPDATE search_outbox SET "notBefore" = $1 WHERE id = ANY($2::int[])`, [until, ids]);
  }

  /**
   * Keeps renewing the lease of `ids` until the returned function is called (and awaited),
   * which must happen before the rows are completed or rescheduled.
   */
  keepLeased(ids: number[]): () => Promise<void> {
    let pending: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      pending = pending.then(() => this.renew(ids)).catch(() => undefined);
    }, LEASE_RENEW_MS);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await pending;
    };
  }

  /** The rows were indexed: only now are they deleted. */
  async complete(ids: number[]): Promise<void> {
    if (!ids.length) return;
    if (!this.postgres) {
      this.sqlite().prepare(`DELETE FROM search_outbox WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids));
      return;
    }
    await this.dataSource.query(`DELETE FROM search_outbox WHERE id = ANY($1::int[])`, [ids]);
  }

  /** Sent to the live index during another process's rebuild: due again shortly, with no attempt counted. */
  async resendLater(ids: number[], now = new Date()): Promise<void> {
    if (!ids.length) return;
    const at = new Date(now.getTime() + REBUILD_RESEND_MS);
    if (!this.postgres) {
      this.sqlite()
        .prepare(`UPDATE search_outbox SET notBefore = ? WHERE id IN (SELECT value FROM json_each(?))`)
        .run(DateUtils.mixedDateToUtcDatetimeString(at), JSON.stringify(ids));
      return;
    }
    await this.dataSource.query(`UPDATE search_outbox SET "notBefore" = $1 WHERE id = ANY($2::int[])`, [at, ids]);
  }

  /** The engine failed: count the attempt and retry later with exponential backoff. */
  async fail(rows: ClaimedRow[], now = new Date()): Promise<void> {
    for (const row of rows) {
      const retryAt = new Date(now.getTime() + backoffMs(row.attempts + 1));
      if (!this.postgres) {
        this.sqlite()
          .prepare(`UPDATE search_outbox SET attempts = attempts + 1, notBefore = ? WHERE id = ?`)
          .run(DateUtils.mixedDateToUtcDatetimeString(retryAt), row.id);
      } else {
        await this.dataSource.query(`UPDATE search_outbox SET attempts = attempts + 1, "notBefore" = $1 WHERE id = $2`, [retryAt, row.id]);
      }
    }
  }

  /**
   * Marks (or, with null, unmarks) a full rebuild by this process. While the marker is fresh,
   * other processes' workers send their rows to the live index (searchable at once) but keep
   * them (resendAfterRebuild), so a change the rebuild read before it was made still lands in
   * the new index after the swap. Written under
   * the claim lock, so a claim sees either no marker (and its changes committed before the
   * rebuild started reading) or the marker.
   */
  async markRebuild(active: boolean, now = new Date()): Promise<void> {
    const value = JSON.stringify({ owner: this.owner, heartbeat: now.getTime() });
    if (!this.postgres) {
      const db = this.sqlite();
      if (active) db.prepare(`INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(REBUILD_KEY, value);
      else db.prepare(`DELETE FROM app_meta WHERE key = ?`).run(REBUILD_KEY);
      return;
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${PG_LOCK})`);
      if (active)
        await m.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [REBUILD_KEY, value]);
      else await m.query(`DELETE FROM app_meta WHERE key = $1`, [REBUILD_KEY]);
    });
  }

  /** Rows not indexed yet (for tests, health and the benchmark). */
  async pending(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM search_outbox`);
    return Number(row.n);
  }

  /** Makes every row due now (after the engine came back, no need to wait for the backoff). */
  async retryNow(): Promise<void> {
    await this.dataSource.query(`UPDATE search_outbox SET "notBefore" = NULL WHERE attempts > 0`);
  }

  private sqlite(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }
}
