import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Paths served by Nest itself; everything else is the SvelteKit app. */
export const API_PREFIXES = ['/graphql', '/healthz', '/open-data', '/metrics'];

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
  const module = (await import(pathToFileURL(file).href)) as { handler: Handler };
  return module.handler;
}

export function webMiddleware(handler: Handler): Handler {
  return (req, res, next) => (isApiPath(req.path) ? next() : handler(req, res, next));
}
