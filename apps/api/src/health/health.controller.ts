import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';

/** Probes for process managers and load balancers (docs/deployment.md, "Health endpoints"). */
@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process and its event loop answer. Touches no dependency, so a database outage never gets it restarted. */
  @Get('livez')
  livez(@Res() res: Response): void {
    res
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .json({ status: 'ok', pid: process.pid, uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) });
  }

  /** Readiness: 503 only when the database is unreachable; search, Redis and mail problems answer 200 with "degraded". */
  @Get('readyz')
  readyz(@Res() res: Response): Promise<void> {
    return this.respond(res);
  }

  /** Kept for existing probes and dashboards: the same answer as /readyz. */
  @Get('healthz')
  healthz(@Res() res: Response): Promise<void> {
    return this.respond(res);
  }

  private async respond(res: Response): Promise<void> {
    const report = await this.registry.report();
    res
      .status(report.status === 'down' ? 503 : 200)
      .setHeader('Cache-Control', 'no-store')
      .json(report);
  }
}
