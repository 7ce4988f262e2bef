import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Paths served by Nest itself; everything else is the SvelteKit app. */
export const API_PREFIXES = ['/graphql', '/healthz', '/livez', '/readyz', '/open-data', '/metrics', '/data-import', '/auth/proconnect', '/mail'];

export const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

type Handler = (req: Request, res: Response, next: NextFunction) => void;

export function webBuildDir(): string {
  return process.env.WEB_BUILD_DIR ? resolve(process.env.WEB_BUILD_DIR) : resolve(__dirname, '..', '..', '..', 'web', 'build');
}

/**
 * Loads the SvelteKit adapter-node handler. It uses top-level await, so it is loaded with a
 * real dynamic import (kept as such by the "nodenext" CommonJS build), never require().
 */
export async function loadWebHandler(): Promise<Handler | null> {
  const file = join(webBuildDir(), 'handler.js');
  if (!existsSync(file)) {
    new Logger('Web').warn(`No web build at ${file}: only the API is served (run "npm run build").`);
    return null;
  }
  // adapter-node assumes https unless a header says otherwise (its form CSRF check compares
  // origins): webMiddleware() passes the real protocol in this header. ORIGIN, if set, wins.
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  const module = (await import(pathToFileURL(file).href)) as { handler: Handler };
  return module.handler;
}

export function webMiddleware(handler: Handler): Handler {
  return (req, res, next) => {
    if (isApiPath(req.path)) return next();
    // Express's req.protocol only trusts X-Forwarded-Proto under "trust proxy": never the client's word.
    req.headers['x-forwarded-proto'] = req.protocol;
    handler(req, res, next);
  };
}
