import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';

@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** 200 when every component answers (ok or degraded, e.g. search on its fallback), 503 otherwise. */
  @Get('healthz')
  async healthz(@Res() res: Response): Promise<void> {
    const report = await this.registry.report();
    res.status(report.status === 'down' ? 503 : 200).setHeader('Cache-Control', 'no-store').json(report);
  }
}
