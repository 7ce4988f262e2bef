import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/**
 * The `httpClient` we give the meilisearch client. Node 20's global fetch (undici) stalls
 * ~45 ms per request on a kept-alive connection to Meilisearch, while node:http with a
 * keep-alive Agent answers in a few ms (see ARCHITECTURE.md and the search benchmark).
 */
export function nodeHttpClient(options: { maxSockets?: number; timeoutMs?: number } = {}): {
  httpClient: (...args: Parameters<typeof fetch>) => Promise<unknown>;
  destroy(): void;
} {
  const agentOptions = { keepAlive: true, keepAliveMsecs: 10_000, maxSockets: options.maxSockets ?? 32, maxFreeSockets: 16 };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);

  const httpClient = (input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<unknown> => {
    // The client hands us a URL and a Headers object: used as they are (re-parsing both cost more than the rest).
    const url = input instanceof URL ? input : new URL(input instanceof Request ? input.url : String(input));
    const secure = url.protocol === 'https:';
    const headers: Record<string, string> = {};
    (init.headers instanceof Headers ? init.headers : new Headers(init.headers)).forEach((value, key) => (headers[key] = value));
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
    if (body) headers['content-length'] = String(body.length);

    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(url, { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            parsed = { message: text };
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(parsed);
          // Same error type as the client's own fetch transport, so callers can inspect `cause.code`.
          reject(new MeilisearchApiError(new Response(null, { status, statusText: res.statusMessage ?? '' }), parsed as never));
        });
      });
      req.on('error', reject);
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`no answer from Meilisearch within ${options.timeoutMs ?? 30_000} ms`)));
      const signal = init.signal;
      if (signal) {
        const onAbort = () => req.destroy(new Error(`request aborted: ${String(signal.reason?.description ?? signal.reason ?? '')}`));
        if (signal.aborted) onAbort();
        else {
          signal.addEventListener('abort', onAbort, { once: true });
          req.once('close', () => signal.removeEventListener('abort', onAbort));
        }
      }
      req.end(body);
    });
  };
  return { httpClient, destroy: () => (httpAgent.destroy(), httpsAgent.destroy()) };
}
