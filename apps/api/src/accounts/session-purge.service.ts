import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LoginThrottleService } from './login-throttle';
import { SessionsService } from './sessions.service';

const PURGE_EVERY_MS = 60 * 60_000;

/** Deletes expired sessions hourly, so they do not outlive their purpose (see docs/privacy.md). */
@Injectable()
export class SessionPurgeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionPurgeService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async purge(): Promise<void> {
    try {
      const removed = await this.sessions.purgeExpired();
      if (removed) this.logger.log(`Purged ${removed} expired session(s)`);
      await this.throttle.purgeOld();
    } catch (error) {
      this.logger.warn(`Session purge failed: ${(error as Error).message}`);
    }
  }
}
