import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { IncomingMessage } from 'node:http';
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
    handler(req.readableEnded && req.body !== undefined ? replayParsedBody(req) : req, res, next);
  };
}

/**
 * The global JSON/urlencoded body parsers have already read a page's form POST; SvelteKit reads
 * the raw stream itself and would wait forever. Hand it a fresh request carrying the same body.
 */
function replayParsedBody(req: Request): Request {
  const type = String(req.headers['content-type'] ?? '');
  let body: string;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.body as Record<string, string | string[]>)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    body = params.toString();
  } else {
    body = JSON.stringify(req.body);
  }
  const raw = Buffer.from(body);
  const replay = new IncomingMessage(req.socket) as Request;
  replay.method = req.method;
  replay.url = req.url;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.headers = { ...req.headers, 'content-length': String(raw.length) };
  delete replay.headers['transfer-encoding'];
  replay.push(raw);
  replay.push(null);
  // Marked complete, or Node would treat its end as an aborted upload and destroy the socket.
  replay.complete = true;
  return replay;
}
