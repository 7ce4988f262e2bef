import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import { httpRequestDuration } from './metrics';

const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

declare module 'express-serve-static-core' {
  interface Request {
    requestId?: string;
  }
}

/** Probes, polled every few seconds: counted in metrics, not logged. */
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/**
 * Gives every request an id (kept from a trusted proxy's `x-request-id` when well-formed),
 * echoes it in the response, logs one structured line when the response is finished and
 * records its duration for /metrics. The client IP is not logged.
 */
export function requestContextMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFor(req.headers);
    req.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req.path);
      httpRequestDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (HEALTH_PATHS.has(route) || route === '/metrics' || route === 'static') return;
      logger.info({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}

/** The trusted proxy's id when well-formed, else a new one. */
export function requestIdFor(headers: IncomingHttpHeaders): string {
  const inbound = headers['x-request-id'];
  return typeof inbound === 'string' && VALID_REQUEST_ID.test(inbound) ? inbound : randomUUID();
}

/** Few label values, so metrics stay small: API routes by prefix, pages as one bucket. */
export function routeLabel(path: string): string {
  if (path.startsWith('/graphql')) return '/graphql';
  if (path.startsWith('/open-data')) return '/open-data';
  if (HEALTH_PATHS.has(path) || path === '/metrics') return path;
  if (path.startsWith('/_app/') || /\.[a-z0-9]+$/i.test(path)) return 'static';
  return 'page';
}
