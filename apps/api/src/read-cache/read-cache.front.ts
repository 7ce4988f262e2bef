import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { SESSION_COOKIE } from '../accounts/sessions.service';
import { PARTICIPANT_COOKIE, PARTICIPANT_HEADER } from '../common/auth/participant-token';
import { httpRequestDuration, readCacheRequests } from '../observability/metrics';
import { requestIdFor } from '../observability/request-context.middleware';
import { PRE_READ_BODY_ERROR } from '../web/api-body-parser';
import type { ReadCacheStore } from './read-cache.store';

/** Set on the request by the Apollo plugin when the response may be shared with every anonymous reader. */
export const CACHEABLE = Symbol('essaim.readCache.cacheable');

const MAX_REQUEST_BYTES = 64 * 1024;
const JSON_UTF8 = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;
/** Per-response headers, never replayed from the cache. */
const NOT_REPLAYED = new Set(['x-request-id', 'set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-essaim-cache']);

type CacheableRequest = IncomingMessage & { [CACHEABLE]?: boolean; [PRE_READ_BODY_ERROR]?: unknown; body?: unknown };

/**
 * Only anonymous GraphQL POSTs with a small JSON body: anything carrying a session, a
 * participant token or credentials goes straight to the application.
 */
export function isCacheCandidate(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const headers = req.headers;
  const length = Number(headers['content-length']);
  if (!Number.isInteger(length) || length <= 0 || length > MAX_REQUEST_BYTES) return false;
  if (!JSON_UTF8.test(headers['content-type'] ?? '') || headers['content-encoding']) return false;
  if (headers.authorization || headers[PARTICIPANT_HEADER] !== undefined) return false;
  const cookie = headers.cookie ?? '';
  return !cookie.includes(`${SESSION_COOKIE}=`) && !cookie.includes(`${PARTICIPANT_COOKIE}=`);
}

/**
 * Sits in front of Express on the HTTP server: a fresh cached answer is written without
 * going through the framework; otherwise the parsed body is handed to Express and the answer
 * is kept when the GraphQL layer marked it shareable (a query, no error, no cookie set).
 */
export function readCacheFront(store: ReadCacheStore, logger: Logger, app: RequestListener): RequestListener {
  return (req: CacheableRequest, res: ServerResponse) => {
    if (!isCacheCandidate(req)) return void app(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const key = `${req.headers['accept-language'] ?? ''}\n${text}`;
      const hit = store.get(key);
      if (hit) return serveHit(req, res, hit.headers, hit.body, logger);
      readCacheRequests.inc({ result: 'miss' });
      prepareForApp(req, text);
      captureForStore(req, res, store, key);
      app(req, res);
    });
  };
}

function serveHit(req: IncomingMessage, res: ServerResponse, headers: OutgoingHttpHeaders, body: Buffer, logger: Logger): void {
  const started = process.hrtime.bigint();
  const requestId = requestIdFor(req.headers);
  res.writeHead(200, { ...headers, 'x-request-id': requestId, 'x-essaim-cache': 'hit' });
  res.end(body);
  readCacheRequests.inc({ result: 'hit' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  httpRequestDuration.observe({ method: 'POST', route: '/graphql', status: '200' }, seconds);
  logger.info({ requestId, method: 'POST', path: '/graphql', status: 200, ms: Math.round(seconds * 1000), cache: 'hit' }, 'request');
}

/** The stream is consumed: give Express the parsed body (or body-parser's own error for bad JSON). */
function prepareForApp(req: CacheableRequest, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object') {
    req[PRE_READ_BODY_ERROR] = Object.assign(new Error('invalid JSON body'), { status: 400, type: 'entity.parse.failed' });
    return;
  }
  req.body = parsed;
}

function captureForStore(req: CacheableRequest, res: ServerResponse, store: ReadCacheStore, key: string): void {
  const version = store.version;
  let body: Buffer | undefined;
  let streamed = false;
  const write = res.write;
  const end = res.end;
  res.setHeader('x-essaim-cache', 'miss');
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    streamed = true;
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string') body = Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8');
    else if (Buffer.isBuffer(chunk)) body = chunk;
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
  res.on('finish', () => {
    if (!req[CACHEABLE] || streamed || !body || res.statusCode !== 200 || res.hasHeader('set-cookie')) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_REPLAYED.has(name) && value !== undefined) headers[name] = value;
    store.set(key, headers, body, version);
  });
}
