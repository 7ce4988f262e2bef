import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through in front of the server's own /graphql that records each operation the web
 * pages send while rendering (the server is started with ESSAIM_API_URL pointing here). It
 * forwards every request unchanged to the real API and relays the answer and its cookies, so
 * pages behave as without it; tests read `operations` to count requests.
 */
export class GraphqlRecorder {
  readonly operations: { name: string | null; query: string }[] = [];
  /** The real API, known once the server has started. */
  target = '';

  private constructor(private readonly server: Server) {}

  static async start(): Promise<GraphqlRecorder> {
    const server = createServer();
    const recorder = new GraphqlRecorder(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        try {
          const parsed = JSON.parse(body.toString('utf8')) as { query?: string; operationName?: string };
          const name = parsed.query?.match(/^\s*(?:query|mutation)\s+(\w+)/)?.[1] ?? parsed.operationName ?? null;
          recorder.operations.push({ name, query: parsed.query ?? '' });
        } catch {
          recorder.operations.push({ name: null, query: '' });
        }
        try {
          const headers: Record<string, string> = {};
          for (const name of ['content-type', 'accept', 'cookie', 'x-forwarded-for', 'accept-language']) {
            const value = req.headers[name];
            if (typeof value === 'string') headers[name] = value;
          }
          const answer = await fetch(`${recorder.target}/graphql`, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
          const cookies = answer.headers.getSetCookie();
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
            ...(cookies.length ? { 'set-cookie': cookies } : {}),
          });
          res.end(Buffer.from(await answer.arrayBuffer()));
        } catch (error) {
          res.writeHead(502).end(String(error));
        }
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return recorder;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  /** Operations recorded from now on. */
  mark(): () => { name: string | null; query: string }[] {
    const from = this.operations.length;
    return () => this.operations.slice(from);
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}
