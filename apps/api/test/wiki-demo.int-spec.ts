import { startTestServer, TestServer } from './harness';

describe('wiki: demo data', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO_DATA: 'true' });
  }, 120_000);
  afterAll(() => server?.close(), 60_000);

  it('loads about fifteen demo sheets across themes, with revisions and replications', async () => {
    const { projects } = await server
      .client()
      .ok(`{ projects(first: 100) { totalCount edges { node { slug isDemo themes revision body replicatedFrom { slug } replications { slug } } } } }`);
    const nodes = projects.edges.map((e: { node: any }) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(15);
    expect(nodes.every((p: { isDemo: boolean }) => p.isDemo)).toBe(true);
    expect(nodes.every((p: { body: string }) => /Fiche de démonstration/.test(p.body))).toBe(true);
    expect(new Set(nodes.flatMap((p: { themes: string[] }) => p.themes)).size).toBeGreaterThanOrEqual(10);
    expect(nodes.filter((p: { replicatedFrom: unknown }) => p.replicatedFrom).length).toBeGreaterThanOrEqual(2);
    expect(nodes.filter((p: { revision: number }) => p.revision >= 2).length).toBeGreaterThanOrEqual(12);
  });

  it('loads wiki pages whose [[links]] resolve', async () => {
    const { page } = await server.client().ok(`{ page(slug: "catalogue-des-procedures-partagees") { title bodyHtml children { title } backlinks { title } } }`);
    expect(page.children.map((c: { title: string }) => c.title).sort()).toEqual(["Procédures d'état civil", 'Procédures école et cantine']);
    expect(page.bodyHtml).not.toContain('wikilink-missing');
    expect(page.backlinks.length).toBeGreaterThanOrEqual(2);
  });
});
