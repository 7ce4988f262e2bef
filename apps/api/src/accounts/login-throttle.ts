import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { rateLimited } from '../common/errors';
import { LoginThrottle } from './login-throttle.entity';

/** Wrong passwords allowed before delays start. */
export const FREE_FAILURES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/** 30 s after the 5th failure, then doubling (1 min, 2 min…) up to 15 min. */
export const delayAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));

/**
 * Growing delays per (address, IP) instead of an account lock that anyone could hold. Stored in
 * the database so every process sees the same count; rows are purged a day after their last use.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectRepository(LoginThrottle) private readonly rows: Repository<LoginThrottle>) {}

  key(email: string, ip: string): string {
    return createHash('sha256').update(`${email}\u0000${ip}`).digest('hex');
  }

  /** Throws RATE_LIMITED while the pair waits — the same for known and unknown addresses. */
  async check(keyHash: string): Promise<void> {
    const row = await this.rows.findOne({ where: { keyHash } });
    const wait = row?.blockedUntil ? row.blockedUntil.getTime() - Date.now() : 0;
    if (wait > 0) throw rateLimited(wait / 1000);
  }

  /**
   * Counts one failure atomically: simultaneous wrong passwords for the same pair (a script, or a
   * double submit) each count, and never collide on the row's key.
   */
  async failed(keyHash: string): Promise<void> {
    const now = new Date();
    await this.rows.createQueryBuilder().insert().values({ keyHash, failures: 0, blockedUntil: null, updatedAt: now }).orIgnore().execute();
    await this.rows
      .createQueryBuilder()
      .update()
      .set({ failures: () => '"failures" + 1', updatedAt: now })
      .where('"keyHash" = :keyHash', { keyHash })
      .execute();
    const row = await this.rows.findOne({ where: { keyHash } });
    if (!row) return;
    const delay = delayAfter(row.failures);
    // Only the latest count sets the delay (a slower concurrent failure must not shorten it).
    await this.rows.update({ keyHash, failures: row.failures }, { blockedUntil: delay ? new Date(Date.now() + delay) : null });
  }

  async succeeded(keyHash: string): Promise<void> {
    await this.rows.delete({ keyHash });
  }

  async purgeOld(): Promise<number> {
    const result = await this.rows.delete({ updatedAt: LessThan(new Date(Date.now() - 86_400_000)) });
    return result.affected ?? 0;
  }
}
