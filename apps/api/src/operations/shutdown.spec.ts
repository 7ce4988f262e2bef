import { createServer, get, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, readConfig } from '../config/config';
import { SearchWorker } from '../search/search-worker';
import { HttpDrain } from './shutdown';

describe('SHUTDOWN_GRACE_MS', () => {
  it('defaults to 10 s and accepts 0 to 600000 ms', () => {
    expect(readConfig({}).shutdownGraceMs).toBe(10_000);
    expect(readConfig({ SHUTDOWN_GRACE_MS: '0' }).shutdownGraceMs).toBe(0);
    expect(readConfig({ SHUTDOWN_GRACE_MS: '600000' }).shutdownGraceMs).toBe(600_000);
  });

  it.each(['-1', '1.5', 'ten', '600001'])('refuses %s', (value) => {
    expect(() => readConfig({ SHUTDOWN_GRACE_MS: value })).toThrow(ConfigError);
    expect(() => readConfig({ SHUTDOWN_GRACE_MS: value })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});

describe('HttpDrain', () => {
  let server: Server;
  let drain: HttpDrain;
  let port: number;
  let release: () => void;

  beforeEach(async () => {
    const released = new Promise<void>((resolve) => (release = resolve));
    server = createServer((req, res) => {
      if (req.url === '/slow') void released.then(() => res.end('done'));
      else res.end('quick');
    });
    drain = new HttpDrain(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(() => {
    release();
    drain.closeAll();
  });

  const fetchText = (path: string) =>
    new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'keep-alive' } }, (res: IncomingMessage) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      }).on('error', reject);
    });

  it('lets a request in flight finish with Connection: close and refuses new connections', async () => {
    const slow = fetchText('/slow');
    await new Promise((r) => setTimeout(r, 100));
    expect(drain.inFlight).toBe(1);
    drain.stopAccepting();
    await expect(fetchText('/quick')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const finished = drain.waitForRequests(Date.now() + 5000);
    release();
    await expect(slow).resolves.toEqual({ status: 200, connection: 'close', body: 'done' });
    await expect(finished).resolves.toBe(true);
    expect(drain.inFlight).toBe(0);
  });

  it('cuts what is still running at the deadline', async () => {
    const slow = fetchText('/slow');
    await new Promise((r) => setTimeout(r, 100));
    drain.stopAccepting();
    await expect(drain.waitForRequests(Date.now() + 100)).resolves.toBe(false);
    expect(drain.closeAll()).toBe(1);
    await expect(slow).rejects.toThrow();
  });
});

describe('SearchWorker.stopAndFlush', () => {
  const worker = (options: { started: boolean; batches: (() => Promise<number>)[]; pending: number[] }) => {
    const pending = [...options.pending];
    const indexer = {
      processBatch: jest.fn(() => (options.batches.shift() ?? (() => Promise.resolve(0)))()),
      outbox: { pending: jest.fn(async () => pending.shift() ?? 0) },
    };
    const runtime = { started: options.started, stop: jest.fn(async () => undefined) };
    return { worker: new SearchWorker(indexer as never, runtime as never, {} as never, {} as never, {} as never), indexer };
  };

  it('sends the due rows in one last pass', async () => {
    const { worker: w, indexer } = worker({ started: true, batches: [async () => 500, async () => 12], pending: [512, 0] });
    await expect(w.stopAndFlush(1000)).resolves.toEqual({ sent: 512, left: 0, complete: true });
    expect(indexer.processBatch).toHaveBeenCalledTimes(3);
  });

  it('keeps the rows in the outbox when the engine is unreachable', async () => {
    const { worker: w, indexer } = worker({ started: false, batches: [], pending: [3, 3] });
    await expect(w.stopAndFlush(1000)).resolves.toEqual({ sent: 0, left: 3, complete: false });
    expect(indexer.processBatch).not.toHaveBeenCalled();
  });

  it('gives up at the deadline when the engine hangs', async () => {
    const { worker: w } = worker({ started: true, batches: [() => new Promise<number>(() => undefined)], pending: [4, 4] });
    const started = Date.now();
    await expect(w.stopAndFlush(100)).resolves.toEqual({ sent: 0, left: 4, complete: false });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
