import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMeiliBinary } from '../src/search/meili/meili-binary';
import { ManagedMeili } from '../src/search/meili/meili-process';
import { SearchRuntime } from '../src/search/search-engine.provider';
import { startTestServer } from './harness';

jest.setTimeout(180_000);

const binary = findMeiliBinary();
const maybe = binary ? it : it.skip;

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The restart itself fails (here the pid file cannot be written: a directory stands in its
 * place; EPERM, ENOSPC or a read-only disk fail the same write): the supervisor used to give
 * up for good after one such failure.
 */
describe('Meilisearch supervisor', () => {
  maybe('keeps restarting after failed restarts, logs each new failure once, and recovers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'essaim-supervisor-'));
    const lines: { level: string; message: string }[] = [];
    const log = {
      log: (message: string) => lines.push({ level: 'log', message }),
      warn: (message: string) => lines.push({ level: 'warn', message }),
      error: (message: string) => lines.push({ level: 'error', message }),
    };
    let restarted = 0;
    const meili = new ManagedMeili({ binary: binary!, dataDir, log, onRestart: () => restarted++ });
    try {
      await meili.start();
      const first = meili.pid!;
      rmSync(join(dataDir, 'meili.pid'));
      mkdirSync(join(dataDir, 'meili.pid'));
      process.kill(first, 'SIGKILL');

      await until('three failed restarts', () => meili.consecutiveFailures >= 4, 90_000);
      expect(meili.state).toBe('restarting');
      expect(meili.lastFailure).toMatch(/EISDIR/);
      const errors = lines.filter((l) => l.level === 'error').map((l) => l.message);
      // Once for the crash, once for the new cause; not once per attempt.
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/exited \(code null, signal SIGKILL\)/);
      expect(errors[1]).toMatch(/restart failed: .*EISDIR/);

      rmSync(join(dataDir, 'meili.pid'), { recursive: true });
      await until('the engine to run again', () => meili.state === 'running', 60_000);
      expect(restarted).toBe(1);
      expect(meili.consecutiveFailures).toBe(0);
      expect((await fetch(`${meili.url}/health`)).ok).toBe(true);
      expect(meili.pid).not.toBe(first);
    } finally {
      await meili.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  maybe('reports search as degraded (not down) on /healthz and /readyz while it restarts', async () => {
    const server = await startTestServer({ MEILI_URL: '', SEARCH_ENGINE: 'meilisearch' });
    try {
      const managed = server.app.get(SearchRuntime).managed!;
      const pidPath = join(server.config.dataDir, 'meili.pid');
      rmSync(pidPath);
      mkdirSync(pidPath);
      process.kill(managed.pid!, 'SIGKILL');
      await until('a failed restart', () => managed.consecutiveFailures >= 2);
      for (const path of ['/healthz', '/readyz']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        const body = await response.json();
        expect(body.status).toBe('degraded');
        expect(body.components.search).toMatchObject({ status: 'degraded', state: 'restarting', error: expect.stringMatching(/EISDIR/) });
      }
      rmSync(pidPath, { recursive: true });
      await until('the engine to run again', () => managed.state === 'running');
      const health = await (await fetch(`${server.url}/healthz`)).json();
      expect(health.components.search.status).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
