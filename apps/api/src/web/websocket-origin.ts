import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { findGraphqlWsServer } from '../operations/shutdown';

/**
 * A browser always sends Origin on a WebSocket handshake, and WebSockets are not bound by CORS:
 * without this check any site could open a live-results socket with the visitor's cookies
 * (cross-site WebSocket hijacking). Same origin (the request's Host, or PUBLIC_URL behind a
 * proxy that rewrites Host) is accepted, and so is no Origin at all: that is not a browser
 * (scripts, tests, the projector kiosk's own client), and it carries no ambient cookie of a visitor.
 */
export function isAllowedWebSocketOrigin(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === new URL(publicUrl).origin) return true;
  return !!host && url.host === host.toLowerCase();
}

/** Refuses a cross-origin handshake with HTTP 403 before any socket is opened. */
export function guardWebSocketOrigin(app: INestApplication, publicUrl: string): boolean {
  const wss = findGraphqlWsServer(app);
  if (!wss) return false;
  wss.options.verifyClient = (info: { origin: string; req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
    const origin = info.req.headers.origin;
    if (isAllowedWebSocketOrigin(origin, info.req.headers.host, publicUrl)) done(true);
    else done(false, 403, 'Origine refusée');
  };
  return true;
}
