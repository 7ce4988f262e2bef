import type { Server } from 'node:http';

/**
 * A request must arrive whole within 30 s, its headers within 20 s: a client that trickles a body
 * (slowloris) cannot hold a connection for Node's default 300 s. Node checks every
 * `connectionsCheckingInterval` (default 30 s, read when the server starts listening), so 5 s keeps
 * the cut close to the limit. Upgraded WebSockets and responses being streamed are not affected.
 */
export const HTTP_TIMEOUTS = { requestMs: 30_000, headersMs: 20_000, checkEveryMs: 5_000 };

export function applyHttpTimeouts(server: Server): void {
  server.headersTimeout = HTTP_TIMEOUTS.headersMs;
  server.requestTimeout = HTTP_TIMEOUTS.requestMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = HTTP_TIMEOUTS.checkEveryMs;
}
