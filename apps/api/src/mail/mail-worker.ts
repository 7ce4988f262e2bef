import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { HealthRegistry } from '../health/health.registry';
import { ClaimedMail, MailOutboxStore } from './mail-outbox.store';
import { createMailTransport, isPermanentFailure, MailTransport } from './mail-transport';
import type { OutgoingMail } from './outgoing-mail';

const POLL_MS = 1000;
const BATCH = 20;
/** A message waiting longer than this makes /healthz say "degraded". */
const STALE_MS = 15 * 60_000;

/**
 * Sends the mail outbox: poked after every commit that wrote mail rows (MailWorkerWakeHandler), polling every second
 * for rows written by other processes or due for a retry. Rows are deleted only after the
 * server accepted them; a failure reschedules the row with backoff, so an SMTP outage or a
 * restart loses nothing (delivery is at least once, with a stable Message-ID).
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  readonly store: MailOutboxStore;
  private transport: MailTransport;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastFailure: { at: Date; message: string } | null = null;
  private sentCount = 0;

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthRegistry,
  ) {
    this.store = new MailOutboxStore(dataSource, config.mail.leaseMs, { baseMs: config.mail.retryBaseMs, maxMs: config.mail.retryMaxMs });
    this.transport = createMailTransport(config, this.logger);
  }

  onApplicationBootstrap(): void {
    this.health.register('mail', () => this.healthStatus());
    this.schedule(0);
  }

  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref?.();
  }

  /** Runs until nothing is due (or the server fails), then polls again. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.sendBatch()) > 0);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn(`Mail outbox paused: ${(error as Error).message}`);
      } finally {
        this.running = null;
        this.schedule(POLL_MS);
      }
    })();
    return this.running;
  }

  /** Claims due rows and sends them one by one. Returns how many were sent (0: stop for now). */
  private async sendBatch(): Promise<number> {
    const rows = await this.store.claim(BATCH);
    let sent = 0;
    for (let i = 0; i < rows.length; i++) {
      if (this.stopped) {
        await this.store.release(rows.slice(i).map((r) => r.id));
        break;
      }
      const row = rows[i];
      try {
        await this.transport.send(row.messageId, JSON.parse(row.message) as OutgoingMail);
      } catch (error) {
        const message = (error as Error).message;
        if (isPermanentFailure(error) && row.attempts >= 4) {
          // Refused for good several times (e.g. unknown mailbox): keeping it would retry forever.
          this.logger.error(`Mail ${row.messageId} (${row.category}) refused permanently, dropped: ${message}`);
          await this.store.complete(row.id);
          continue;
        }
        this.lastFailure = { at: new Date(), message };
        this.logger.warn(`Sending mail failed (attempt ${row.attempts + 1}), will retry: ${message}`);
        // The server is probably down: put the whole batch back with backoff instead of trying each.
        for (const rest of rows.slice(i)) await this.store.fail(rest, message);
        return 0;
      }
      await this.store.complete(row.id);
      sent += 1;
      this.sentCount += 1;
      if (this.lastFailure) {
        // The server answers again: what was backing off need not wait for its delay.
        this.lastFailure = null;
        await this.store.retryNow();
      }
    }
    return sent;
  }

  /** Waits until the outbox is empty (tests, benchmark). */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.run();
      if ((await this.store.stats()).pending === 0) return;
      if (Date.now() > deadline) throw new Error('mail outbox not drained in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async healthStatus() {
    const stats = await this.store.stats();
    const degraded = this.lastFailure !== null || stats.oldestMs > STALE_MS;
    return {
      // Mail is never "down" for /healthz: the outbox keeps messages until the server is back.
      status: degraded ? ('degraded' as const) : ('ok' as const),
      transport: this.transport.kind,
      pending: stats.pending,
      failing: stats.failing,
      oldestPendingSeconds: Math.round(stats.oldestMs / 1000),
      sentSinceStart: this.sentCount,
      ...(this.lastFailure ? { lastError: this.lastFailure.message.slice(0, 200), lastErrorAt: this.lastFailure.at.toISOString() } : {}),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transport.close();
  }
}

export type { ClaimedMail };
