import type { OutgoingHttpHeaders } from 'node:http';

export interface CachedResponse {
  headers: OutgoingHttpHeaders;
  body: Buffer;
  version: number;
  expiresAt: number;
}

/**
 * Anonymous GraphQL query responses by request, valid for one content version and a few
 * seconds at most (results that depend on the clock, such as "open for N days", stay
 * close to true even without a write). Least recently used entries go first past the budget.
 */
export class ReadCacheStore {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  version = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A fresh entry for this key, or undefined. */
  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.version || entry.expiresAt <= now) {
      this.delete(key, entry);
      return undefined;
    }
    // Re-insert: Map iteration order is the recency order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores a response computed while the content version stayed `version`. */
  set(key: string, headers: OutgoingHttpHeaders, body: Buffer, version: number, now = Date.now()): boolean {
    if (version !== this.version || this.ttlMs <= 0) return false;
    const size = body.length + key.length * 2;
    if (size > this.maxBytes / 8) return false;
    const previous = this.entries.get(key);
    if (previous) this.delete(key, previous);
    this.entries.set(key, { headers, body, version, expiresAt: now + this.ttlMs });
    this.bytes += size;
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldKey, oldEntry);
    }
    return true;
  }

  /** Content changed: every stored response is stale. */
  invalidate(): void {
    this.version += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length * 2;
  }
}
