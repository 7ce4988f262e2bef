import { rateLimited, RateLimitReason } from './errors';

/**
 * A fixed-window counter per key, in memory. Keys are hashed IPs or account ids; nothing
 * here is persisted, so IP addresses are never stored. Behind several processes each has its
 * own window (documented in docs/security.md).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Which RATE_LIMITED message: what was refused (the wait is always said). */
    private readonly reason: RateLimitReason = 'RATE_LIMITED',
  ) {}

  /** Counts one hit for `key`; throws RATE_LIMITED once the limit is passed. */
  consume(key: string): void {
    const now = this.now();
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
      if (this.hits.size > 50_000) this.sweep(now);
    }
    entry.count += 1;
    if (entry.count > this.limit) throw rateLimited((entry.resetAt - now) / 1000, this.reason);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}
