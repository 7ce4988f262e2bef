import { SearchWorker } from '../src/search/search-worker';
import { SearchOutboxStore, LEASE_MS } from '../src/search/search-outbox.store';
import { SearchOutbox } from '../src/search/search-outbox.entity';
import { AppMeta } from '../src/database/app-meta.entity';
import { DataSource } from 'typeorm';
import { startTestServer, TestServer } from './harness';
import { drain, MemorySource } from './search-helpers';
import { createProject } from './wiki-fixtures';

jest.setTimeout(180_000);

const SEARCH = `query($q: String!) { search(q: $q, types: [PROJECT]) { indexing hits { id title } } }`;

describe('search freshness under a bulk backfill', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await drain(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('indexes a sheet saved during a backfill before the backfill completes, and says "indexing" meanwhile', async () => {
    const source = MemorySource.install(server);
    for (let i = 0; i < 10_000; i++) {
      source.docs.set(`bulk${i}`, {
        type: 'THREAD',
        id: `bulk${i}`,
        title: `Sujet en masse ${i}`,
        body: 'Chargement initial.',
        url: `/forum/sujets/bulk${i}`,
        themes: [],
        territoryCode: null,
        territoryName: null,
        stage: null,
        updatedAt: new Date(0),
        visible: true,
      } as never);
    }
    // A source that reads slowly, as a large table does: 40 batches, each at least 20 ms.
    source.delayMs = 20;
    const agent = await server.registerUser();
    const worker = server.app.get(SearchWorker);
    let backfillDone = false;
    const backfill = worker.backfill('THREAD').then((n) => ((backfillDone = true), n));

    const during = await agent.ok(SEARCH, { q: 'zzz' });
    expect(during.search.indexing).toBe(true);
    const project = await createProject(agent, { title: 'Cantine zéro gaspillage Ollainville' });
    let found = false;
    while (!found && !backfillDone) {
      const { search } = await agent.ok(SEARCH, { q: 'Cantine zéro gaspillage Ollainville' });
      found = search.hits.some((h: { id: string }) => h.id === project.id);
      if (!found) await new Promise((r) => setTimeout(r, 20));
    }
    // The interactive change overtook the bulk lane: searchable while the backfill still ran.
    expect(found).toBe(true);
    expect(backfillDone).toBe(false);

    expect(await backfill).toBe(10_000);
    const after = await agent.ok(SEARCH, { q: 'zzz' });
    expect(after.search.indexing).toBe(false);
  });

  it('makes a change searchable at once while another process rebuilds the index, and sends it again after the swap', async () => {
    const dataSource = server.app.get(DataSource);
    const source = MemorySource.install(server);
    const outbox = new SearchOutboxStore(dataSource);
    // Another process's rebuild in progress (its marker, fresh heartbeat).
    const marker = JSON.stringify({ owner: 'another-process', heartbeat: Date.now() });
    await dataSource.getRepository(AppMeta).save({ key: 'search:rebuild', value: marker });
    try {
      await source.save(server, [{ id: 'during-rebuild', title: 'Brocante numérique pendant la reconstruction', body: 'Reprise de matériel.' }]);
      const client = server.client();
      const find = async () =>
        (await client.ok(`{ search(q: "brocante numerique reconstruction", types: [THREAD]) { hits { id } } }`)).search.hits.map((h: { id: string }) => h.id);
      const deadline = Date.now() + 30_000;
      while (!(await find()).includes('during-rebuild')) {
        if (Date.now() > deadline) throw new Error('not searchable during the rebuild');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Kept for the new index: the rebuild may have read the document before the change.
      expect(await outbox.pending()).toBe(1);
    } finally {
      await dataSource.getRepository(AppMeta).delete({ key: 'search:rebuild' });
    }
    await drain(server);
    expect(await outbox.pending()).toBe(0);
  });

  it('takes the rows of a worker that died after its short lease, and never while the lease is renewed', async () => {
    const dataSource = server.app.get(DataSource);
    const live = new SearchOutboxStore(dataSource);
    const dead = new SearchOutboxStore(dataSource);
    // Due an hour from now: this server's own worker leaves them alone; the two stores below live at that time.
    const t0 = new Date(Date.now() + 3_600_000);
    await dataSource
      .getRepository(SearchOutbox)
      .insert(['lease-a', 'lease-b'].map((docId) => ({ docType: 'THREAD', docId, attempts: 0, notBefore: new Date(t0.getTime() - 1000) })));
    const claimed = await dead.claim(10, t0);
    expect(claimed.map((r) => r.docId).sort()).toEqual(['lease-a', 'lease-b']);
    // Leased: invisible to another worker until the lease runs out (a few seconds, not a minute).
    expect(await live.claim(10, new Date(t0.getTime() + LEASE_MS - 1000))).toEqual([]);
    expect(LEASE_MS).toBeLessThanOrEqual(10_000);
    // A live worker renews: still invisible after the first lease would have ended.
    await dead.renew(
      claimed.map((r) => r.id),
      new Date(t0.getTime() + LEASE_MS - 1000),
    );
    expect(await live.claim(10, new Date(t0.getTime() + LEASE_MS + 1000))).toEqual([]);
    // It dies (no more renewals): the rows come back once the renewed lease ends.
    const retaken = await live.claim(10, new Date(t0.getTime() + 2 * LEASE_MS));
    expect(retaken.map((r) => r.docId).sort()).toEqual(['lease-a', 'lease-b']);
    await live.complete(retaken.map((r) => r.id));
  });
});
