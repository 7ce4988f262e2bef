import { Logger } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ManagedMeiliOptions {
  binary: string;
  dataDir: string;
  /** Extra flags, e.g. a smaller payload limit in tests. */
  extraArgs?: string[];
  /** Called after a crash once the process answers /health again. */
  onRestart?: () => void;
  log?: Pick<Logger, 'log' | 'warn' | 'error'>;
}

/** The master key is generated once and kept beside the data (mode 600). */
export function masterKeyFor(dataDir: string): string {
  const file = join(dataDir, 'meili-master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** Holds the URL of the managed Meilisearch while the instance that started it runs. */
export const runningUrlFile = (dataDir: string) => join(dataDir, 'meili-running-url');

const pidFile = (dataDir: string) => join(dataDir, 'meili.pid');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Where the supervisor stands; /healthz reports search as degraded unless "running". */
export type MeiliState = 'starting' | 'running' | 'restarting' | 'stopped';

/** Restart delays after consecutive failures: 0.5 s, 1 s, 2 s… capped at 30 s, forever. */
export const restartDelayMs = (failures: number) => Math.min(30_000, 500 * 2 ** Math.max(0, failures));

/**
 * Memory footprint of the managed engine: by default Meilisearch lets indexing take two thirds
 * of the machine's RAM and every core (3.5 GB resident measured for a 75 MB index). A commune's
 * server often has 2 GB: indexing gets a fixed budget and one thread (search stays fast;
 * a first indexing of France's territories takes a little longer).
 */
export function footprintArgs(limits: { maxIndexingMemory: string; maxIndexingThreads: number }): string[] {
  return ['--max-indexing-memory', limits.maxIndexingMemory, '--max-indexing-threads', String(limits.maxIndexingThreads)];
}

/**
 * A Meilisearch child process bound to 127.0.0.1, supervised: whenever it dies unexpectedly,
 * or a restart attempt fails for any reason (spawn error, pid file not writable, not healthy
 * in time), another attempt is scheduled on the same port with capped backoff, forever, until
 * the app stops it (SIGTERM, then SIGKILL after 10 s). What went wrong is logged once per
 * change of state, not at every attempt.
 */
export class ManagedMeili {
  readonly masterKey: string;
  port = 0;
  state: MeiliState = 'starting';
  /** Why the engine is not running (while restarting). */
  lastFailure: string | null = null;
  private child: ChildProcess | null = null;
  private stopping = false;
  private failures = 0;
  private attempt: Promise<void> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly log: Pick<Logger, 'log' | 'warn' | 'error'>;

  constructor(private readonly options: ManagedMeiliOptions) {
    this.masterKey = masterKeyFor(options.dataDir);
    this.log = options.log ?? new Logger('Meilisearch');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Failed restart attempts since the engine last ran (0 while it runs). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    await this.killOrphan();
    this.port = this.port || (await freePort());
    this.spawnChild();
    await this.waitHealthy(60_000);
    this.state = 'running';
    // Lets `npm run search:reindex` reach the server of a running instance.
    writeFileSync(runningUrlFile(this.options.dataDir), this.url, { mode: 0o600 });
    this.log.log(`Managed Meilisearch answering on ${this.url} (pid ${this.child?.pid})`);
  }

  private spawnChild(): void {
    const dbPath = join(this.options.dataDir, 'meili');
    mkdirSync(dbPath, { recursive: true });
    const args = [
      '--http-addr',
      `127.0.0.1:${this.port}`,
      '--db-path',
      dbPath,
      '--dump-dir',
      join(this.options.dataDir, 'meili-dumps'),
      '--snapshot-dir',
      join(this.options.dataDir, 'meili-snapshots'),
      '--no-analytics',
      '--env',
      'production',
      '--log-level',
      'WARN',
      ...(this.options.extraArgs ?? []),
    ];
    const child = spawn(this.options.binary, args, {
      env: { ...process.env, MEILI_MASTER_KEY: this.masterKey, MEILI_NO_ANALYTICS: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    child.on('error', (error) => this.log.error(`Meilisearch process error: ${error.message}`));
    child.stderr?.on('data', (chunk: Buffer) => {
      // Only Meilisearch's own warnings and errors, not its start-up banner.
      for (const line of chunk.toString().split('\n')) {
        if (/\b(WARN|ERROR)\b/.test(line)) this.log.warn(line.trim().slice(0, 2000));
      }
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      // A restart attempt in progress handles its own child's failure.
      if (this.stopping || this.attempt) return;
      this.failed(`Meilisearch exited (code ${code}, signal ${signal})`);
    });
    // Written last: if it fails (EPERM, ENOSPC, read-only disk), the attempt fails and is retried.
    if (child.pid) writeFileSync(pidFile(this.options.dataDir), String(child.pid));
  }

  /** Something went wrong: say so if it is news, then try again later. */
  private failed(reason: string): void {
    if (this.stopping) return;
    const news = this.state !== 'restarting' || reason !== this.lastFailure;
    this.state = 'restarting';
    this.lastFailure = reason;
    const delay = restartDelayMs(this.failures++);
    if (news) this.log.error(`${reason}; restarting in ${delay} ms, then again with a growing delay (30 s at most) until it answers`);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.attempt = this.restart().finally(() => (this.attempt = null));
    }, delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      if (this.running) this.child?.kill('SIGKILL');
      this.spawnChild();
      await this.waitHealthy(60_000);
    } catch (error) {
      const child = this.child;
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      this.failed(`Meilisearch restart failed: ${(error as Error).message}`);
      return;
    }
    if (this.stopping) return;
    this.failures = 0;
    this.state = 'running';
    this.lastFailure = null;
    this.log.log(`Meilisearch restarted on ${this.url} (pid ${this.child?.pid})`);
    this.options.onRestart?.();
  }

  /**
   * A previous run killed without a clean shutdown (SIGKILL, OOM) leaves its Meilisearch
   * running and holding the database lock: stop it, but only if it is our binary on our data.
   */
  private async killOrphan(): Promise<void> {
    const file = pidFile(this.options.dataDir);
    if (!existsSync(file)) return;
    const pid = Number(readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return;
    }
    if (!cmdline.includes('meilisearch') || !cmdline.includes(join(this.options.dataDir, 'meili'))) return;
    this.log.warn(`Stopping a Meilisearch left over by a previous run (pid ${pid})`);
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
    if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
  }

  /** Polls /health until it answers "available" (restarts keep the same port and key). */
  async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.stopping) throw new Error('Meilisearch is stopping');
      if (!this.running) throw new Error('Meilisearch exited while starting');
      try {
        const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    this.state = 'stopped';
    rmSync(runningUrlFile(this.options.dataDir), { force: true });
    rmSync(pidFile(this.options.dataDir), { force: true });
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
