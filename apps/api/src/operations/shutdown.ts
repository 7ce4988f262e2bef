import { INestApplication, Logger } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { AppConfig } from '../config/config';
import { ShutdownRegistry } from './shutdown.registry';

/**
 * Close code sent to open graphql-ws WebSockets: 1012 "Service Restart" says "come back in a
 * moment". graphql-ws clients retry it like 1001, 1006, 1013 and 1014 (never 1000 or the 4xxx
 * protocol errors), within their `retryAttempts`.
 */
export const RECONNECT_CLOSE_CODE = 1012;
export const RECONNECT_CLOSE_REASON = 'Service restart';
/** After the grace period: what stopping Meilisearch and closing the database may still take before the process is forced out (exit 1). */
export const SHUTDOWN_HARD_MARGIN_MS = 15_000;
/** WebSocket clients answering the close frame; the others are then cut. */
const WS_CLOSE_WAIT_MS = 2_000;

interface SocketState {
  requests: number;
  upgraded: boolean;
  /** Socket of the internal loopback listener (server-side page rendering calling the API). */
  internal: boolean;
}

/**
 * Follows the HTTP connections and requests of the server, so a shutdown can stop accepting
 * connections, let the requests in flight finish, close keep-alive sockets as soon as they
 * are idle, and cut what is left at the deadline.
 */
export class HttpDrain {
  private readonly sockets = new Map<Socket, SocketState>();
  private readonly responses = new Set<ServerResponse>();
  private readonly servers: Server[] = [];
  private draining = false;
  private readonly waiters = new Set<() => void>();

  constructor(readonly server: Server) {
    this.track(server, false);
  }

  /** Requests whose response has not finished yet (public and internal listeners). */
  get inFlight(): number {
    return this.responses.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  private track(server: Server, internal: boolean): void {
    this.servers.push(server);
    server.on('connection', (socket: Socket) => {
      this.sockets.set(socket, { requests: 0, upgraded: false, internal });
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.notify();
      });
    });
    // Prepended so it runs before Express: a response started during the drain says Connection: close.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket as Socket;
      const state = this.sockets.get(socket);
      if (state) state.requests++;
      this.responses.add(res);
      if (this.draining && !internal) closeAfterResponse(res);
      res.once('close', () => {
        this.responses.delete(res);
        if (state) state.requests = Math.max(0, state.requests - 1);
        // A keep-alive socket whose response had started before the drain: end it once idle.
        if (this.draining && state && !state.internal && !state.upgraded && state.requests === 0) socket.end();
        this.notify();
      });
    });
    server.prependListener('upgrade', (req: IncomingMessage) => {
      const state = this.sockets.get(req.socket as Socket);
      if (state) state.upgraded = true;
    });
  }

  /**
   * Closes the listening socket (new connections are refused), closes idle keep-alive sockets
   * (Node does it in server.close()), marks the responses not started yet "Connection: close"
   * and refuses WebSocket upgrades still arriving on open connections.
   */
  stopAccepting(): void {
    this.draining = true;
    this.server.close(() => undefined);
    this.server.removeAllListeners('upgrade');
    this.server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n');
    });
    for (const res of this.responses) closeAfterResponse(res);
    for (const [socket, state] of this.sockets) {
      if (!state.internal && !state.upgraded && state.requests === 0) socket.end();
    }
  }

  /**
   * The web app renders pages in this process and calls the API over loopback
   * (ESSAIM_API_URL, else http://127.0.0.1:PORT/graphql). Once the public listener is closed,
   * a page still rendering could not reach the API: this opens a loopback listener on a free
   * port for the rest of the drain and points ESSAIM_API_URL at it.
   */
  async openInternalListener(requestHandler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
    const internal = createServer(requestHandler);
    this.track(internal, true);
    await new Promise<void>((resolve, reject) => {
      internal.once('error', reject);
      internal.listen(0, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  }

  /** Resolves true once no request is in flight, false at the deadline. */
  waitForRequests(deadline: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.waiters.delete(check);
          resolve(this.inFlight === 0);
        },
        Math.max(0, deadline - Date.now()),
      );
      const check = () => {
        if (this.inFlight > 0) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(true);
      };
      this.waiters.add(check);
    });
  }

  /** Cuts the connections of the requests still running and closes every listener and HTTP socket; returns the number of requests cut. */
  closeAll(): number {
    const cut = this.inFlight;
    for (const server of this.servers) server.close(() => undefined);
    for (const [socket, state] of this.sockets) {
      if (state.upgraded) continue;
      if (state.requests > 0) socket.destroy();
      else socket.end();
    }
    return cut;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function closeAfterResponse(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}

/**
 * The graphql-ws WebSocket server that @nestjs/graphql creates for subscriptions (not part of
 * its public API: found through the driver; null if a version moved it).
 */
export function findGraphqlWsServer(app: INestApplication): WebSocketServer | null {
  try {
    const graphql = app.get(GraphQLModule, { strict: false });
    const driver = graphql.graphQlAdapter as unknown as { _subscriptionService?: { wss?: WebSocketServer } };
    const wss = driver?._subscriptionService?.wss;
    return wss && wss.clients instanceof Set ? wss : null;
  } catch {
    return null;
  }
}

/**
 * Closes every WebSocket with the reconnect code and waits (at most `waitMs`) for the clients to
 * answer the close frame; the others are cut. The server itself stays: the GraphQL module
 * disposes of it when the app closes.
 */
export async function closeWebSockets(wss: WebSocketServer, waitMs: number): Promise<{ closed: number; terminated: number }> {
  const clients = [...wss.clients];
  const closed = clients.map(
    (client) => new Promise<void>((resolve) => (client.readyState === client.CLOSED ? resolve() : client.once('close', () => resolve()))),
  );
  for (const client of clients) client.close(RECONNECT_CLOSE_CODE, RECONNECT_CLOSE_REASON);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, waitMs))))]);
  clearTimeout(timer);
  let terminated = 0;
  for (const client of clients) {
    if (client.readyState !== client.CLOSED) {
      client.terminate();
      terminated++;
    }
  }
  return { closed: clients.length, terminated };
}

export interface GracefulShutdownOptions {
  /** Called with the exit code once the shutdown is over (default process.exit). */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export interface GracefulShutdown {
  readonly drain: HttpDrain;
  /** Runs the shutdown (once; later calls get the same result) and resolves with the exit code. */
  shutdown(reason: string): Promise<number>;
}

/**
 * Takes over SIGTERM and SIGINT from Nest's shutdown hooks (which would stop GraphQL and close
 * the database while requests are still running) and shuts down in order:
 *  1. stop accepting connections, close idle keep-alive sockets;
 *  2. close graphql-ws WebSockets with 1012 (clients reconnect) and let in-flight requests
 *     finish, within SHUTDOWN_GRACE_MS; then cut what is left;
 *  3. the registered participants' last flush with the rest of the grace period (the search
 *     outbox: unsent rows stay in the outbox table for the next start);
 *  4. stop what they run besides the app (the managed Meilisearch), then close the app: database, Redis;
 *  5. exit 0 (1 if a step failed, or if it all takes longer than the grace period + 15 s).
 * Install after createServer() and before listen().
 */
export function installGracefulShutdown(app: INestApplication, config: AppConfig, options: GracefulShutdownOptions = {}): GracefulShutdown {
  const logger = new Logger('Shutdown');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const drain = new HttpDrain(app.getHttpServer() as Server);
  let running: Promise<number> | null = null;

  const nest = app as unknown as { unsubscribeFromProcessSignals?: () => void };
  if (typeof nest.unsubscribeFromProcessSignals === 'function') nest.unsubscribeFromProcessSignals();
  else logger.warn("Could not detach Nest's own shutdown hooks: they may close the app before requests finish");

  async function run(reason: string): Promise<number> {
    const started = Date.now();
    const grace = config.shutdownGraceMs;
    const deadline = started + grace;
    const left = () => Math.max(0, deadline - Date.now());
    const watchdog = setTimeout(() => {
      logger.error(`Shutdown still not over ${grace + SHUTDOWN_HARD_MARGIN_MS} ms after ${reason}: exiting now`);
      exit(1);
    }, grace + SHUTDOWN_HARD_MARGIN_MS);
    watchdog.unref();
    try {
      logger.log(`${reason}: shutting down gracefully (grace period ${grace} ms)`);

      // 1. No new connections. Pages still rendering reach the API through a loopback listener.
      if (config.serveWeb && !process.env.ESSAIM_API_URL) {
        try {
          const url = await drain.openInternalListener(app.getHttpAdapter().getInstance());
          process.env.ESSAIM_API_URL = `${url}/graphql`;
        } catch (error) {
          logger.warn(`No loopback listener for pages still rendering: ${(error as Error).message}`);
        }
      }
      const wss = findGraphqlWsServer(app);
      drain.stopAccepting();
      logger.log(`Stopped accepting connections; ${drain.inFlight} request(s) in flight, ${wss ? wss.clients.size : 'unknown number of'} WebSocket(s) open`);

      // 2. WebSockets told to reconnect while the requests in flight finish.
      const websockets = wss
        ? closeWebSockets(wss, Math.min(WS_CLOSE_WAIT_MS, left())).then(({ closed, terminated }) =>
            logger.log(
              `Closed ${closed} WebSocket(s) with code ${RECONNECT_CLOSE_CODE} (${RECONNECT_CLOSE_REASON}): clients reconnect` +
                (terminated ? `; ${terminated} did not answer and were cut` : ''),
            ),
          )
        : Promise.resolve(
            logger.warn('graphql-ws server not found: WebSockets will be closed by the GraphQL module with 1001 (Going Away), which clients also retry'),
          );
      const [finished] = await Promise.all([drain.waitForRequests(deadline), websockets]);
      const cut = drain.closeAll();
      if (finished) logger.log(`In-flight requests finished (${Date.now() - started} ms after the signal)`);
      else logger.warn(`Grace period over: cut ${cut} request(s) still running`);

      // 3. Last flushes (the search outbox), 4. side processes (the managed Meilisearch), then database and Redis (Nest's shutdown hooks).
      const participants = app.get(ShutdownRegistry, { strict: false }).participants;
      let failed = false;
      for (const participant of participants) if (participant.flush && !(await participant.flush(left(), logger))) failed = true;
      for (const participant of participants) await participant.stop?.(logger);
      logger.log(`Closing the database${config.redisUrl ? ' and Redis' : ''}`);
      await app.close();
      logger.log(`Shutdown complete in ${Date.now() - started} ms`);
      return failed ? 1 : 0;
    } catch (error) {
      logger.error(`Shutdown failed: ${(error as Error).stack ?? String(error)}`);
      return 1;
    } finally {
      clearTimeout(watchdog);
    }
  }

  const shutdown = (reason: string) => (running ??= run(reason));
  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      logger.warn(`${signal} received again: the shutdown is already running (SIGKILL forces it)`);
      return;
    }
    void shutdown(`${signal} received`).then(exit);
  };
  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) process.on(signal, onSignal);
  return { drain, shutdown };
}
