import { findMeiliBinary } from '../src/search/meili/meili-binary';
import { SearchRuntime } from '../src/search/search-engine.provider';
import { startTestServer, TestServer } from './harness';
import { drain, MemorySource, search } from './search-helpers';

jest.setTimeout(180_000);

const binary = findMeiliBinary();
if (!binary) {
  if (process.env.ESSAIM_REQUIRE_SERVICES === '1') throw new Error('The Meilisearch binary is required (ESSAIM_REQUIRE_SERVICES=1)');
  console.warn('⚠ SKIPPED: no Meilisearch binary for this platform, the managed-engine tests cannot run');
}
const maybe = binary ? it : it.skip;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('managed Meilisearch (started and supervised by Essaim)', () => {
  let server: TestServer;

  beforeAll(async () => {
    if (!binary) return;
    // No MEILI_URL: Essaim starts its own Meilisearch in its data directory.
    server = await startTestServer({ MEILI_URL: '', SEARCH_ENGINE: 'meilisearch' });
  });

  afterAll(async () => {
    await server?.close();
  });

  maybe('runs on loopback with a master key kept in the data directory', async () => {
    const runtime = server.app.get(SearchRuntime);
    expect(runtime.managed?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { statSync, readFileSync } = await import('node:fs');
    const keyFile = `${server.config.dataDir}/meili-master-key`;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(runtime.managed!.masterKey);
    const unauthorised = await fetch(`${runtime.managed!.url}/indexes`);
    expect(unauthorised.status).toBe(401);
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.components.search).toMatchObject({ status: 'ok', engine: 'meilisearch', mode: 'managed' });
  });

  maybe('loses nothing when Meilisearch is killed mid-stream and restarted', async () => {
    const runtime = server.app.get(SearchRuntime);
    const client = server.client();
    const source = MemorySource.install(server);
    await source.save(
      server,
      Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, title: `Avant la panne ${i}`, body: 'Sujet ouvert avant la panne.' })),
    );
    await drain(server);
    expect((await search(client, 'avant panne', { types: ['THREAD'] })).total).toBe(5);

    const pid = runtime.managed!.pid!;
    process.kill(pid, 'SIGKILL');
    await until('the engine to die', () => !alive(pid));
    // Writes while the engine is down: they wait in the outbox.
    for (let i = 0; i < 20; i++) {
      await source.save(server, [{ id: `b${i}`, title: `Pendant la panne ${i}`, body: 'Écrit pendant que le moteur était arrêté.' }]);
    }
    await source.save(server, [{ id: 'a0', title: 'Modifié pendant la panne', body: 'Nouveau titre.' }]);
    await source.save(server, [{ id: 'a1', title: 'Avant la panne 1', body: 'Masqué.', visible: false }]);
    const down = await (await fetch(`${server.url}/healthz`)).json();
    expect(down.components.search.pendingChanges).toBeGreaterThan(0);

    await until('the supervisor to restart Meilisearch', () => !!runtime.managed?.running && runtime.managed.pid !== pid);
    await drain(server);
    const during = await search(client, 'pendant panne', { types: ['THREAD'], first: 50 });
    expect(during.hits.map((h) => h.id).sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `b${i}`), 'a0'].sort());
    const before = await search(client, 'avant panne', { types: ['THREAD'] });
    expect(before.hits.map((h) => h.id).sort()).toEqual(['a2', 'a3', 'a4']);
  });

  maybe('stops its Meilisearch when the app shuts down', async () => {
    const pid = server.app.get(SearchRuntime).managed!.pid!;
    expect(alive(pid)).toBe(true);
    await server.close();
    server = undefined as unknown as TestServer;
    expect(alive(pid)).toBe(false);
  });
});
