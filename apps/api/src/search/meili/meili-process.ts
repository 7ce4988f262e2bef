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

/**
 * A Meilisearch child process bound to 127.0.0.1, supervised: when it dies unexpectedly it is
 * restarted on the same port with exponential backoff (0.5 s → 30 s), and stopped with
 * SIGTERM (then SIGKILL after 10 s) when the app shuts down.
 */
export class ManagedMeili {
  readonly masterKey: string;
  port = 0;
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
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

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    await this.killOrphan();
    this.port = this.port || (await freePort());
    this.spawnChild();
    await this.waitHealthy(60_000);
    // Lets `npm run search:reindex` reach the server of a running instance.
    writeFileSync(runningUrlFile(this.options.dataDir), this.url, { mode: 0o600 });
    this.log.log(`Managed Meilisearch answering on ${this.url} (pid ${this.child?.pid})`);
  }

  private spawnChild(): void {
    const dbPath = join(this.options.dataDir, 'meili');
    mkdirSync(dbPath, { recursive: true });
    const args = [
      '--http-addr', `127.0.0.1:${this.port}`,
      '--db-path', dbPath,
      '--dump-dir', join(this.options.dataDir, 'meili-dumps'),
      '--snapshot-dir', join(this.options.dataDir, 'meili-snapshots'),
      '--no-analytics',
      '--env', 'production',
      '--log-level', 'WARN',
      ...(this.options.extraArgs ?? []),
    ];
    const child = spawn(this.options.binary, args, {
      env: { ...process.env, MEILI_MASTER_KEY: this.masterKey, MEILI_NO_ANALYTICS: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    if (child.pid) writeFileSync(pidFile(this.options.dataDir), String(child.pid));
    child.on('error', (error) => this.log.error(`Meilisearch process error: ${error.message}`));
    child.stderr?.on('data', (chunk: Buffer) => {
      // Only Meilisearch's own warnings and errors, not its start-up banner.
      for (const line of chunk.toString().split('\n')) {
        if (/\b(WARN|ERROR)\b/.test(line)) this.log.warn(line.trim().slice(0, 2000));
      }
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopping) return;
      const delay = Math.min(30_000, 500 * 2 ** this.restarts++);
      this.log.error(`Meilisearch exited (code ${code}, signal ${signal}); restarting in ${delay} ms`);
      this.restartTimer = setTimeout(() => void this.restart(), delay);
    });
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      this.spawnChild();
      await this.waitHealthy(60_000);
      this.restarts = 0;
      this.log.log(`Meilisearch restarted on ${this.url} (pid ${this.child?.pid})`);
      this.options.onRestart?.();
    } catch (error) {
      this.log.error(`Meilisearch restart failed: ${(error as Error).message}`);
      if (this.running) this.child?.kill('SIGKILL');
    }
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
    let cmdline = '';
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
      if (!this.child && !this.stopping && !this.restartTimer) throw new Error('Meilisearch is not running');
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
