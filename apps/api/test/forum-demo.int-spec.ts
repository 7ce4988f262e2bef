import { startTestServer, TestServer } from './harness';

jest.setTimeout(180_000);

describe('forum demo data', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO_DATA: 'true', SEARCH_ENGINE: 'fts' });
  });
  afterAll(() => server?.close());

  it('loads threads drawn from the seminar, some as project Discussions, with an accepted answer', async () => {
    const data = await server
      .client()
      .ok(
        `{ forumThreads(first: 50) { totalCount edges { node { id title pinned replyCount project { slug } acceptedPost { id author { displayName } } } } } }`,
      );
    const threads = data.forumThreads.edges.map((e: { node: any }) => e.node);
    const titles = threads.map((t: { title: string }) => t.title).join(' | ');
    expect(titles).toMatch(/FranceConnect/);
    expect(titles).toMatch(/placards/);
    expect(titles).toMatch(/éditeurs/);
    expect(threads[0].pinned).toBe(true);
    const franceConnect = threads.find((t: { title: string }) => /FranceConnect/.test(t.title));
    expect(franceConnect.acceptedPost.author.displayName).toBe('Étienne Agent (Évry)');
    // The wiki's demo projects exist (order 10): the FranceConnect thread is that sheet's Discussion.
    const project = franceConnect.project;
    expect(project).not.toBeNull();
    const sheet = await server.client().ok(`query($slug: String!) { project(slug: $slug) { discussion { id } } }`, { slug: project.slug });
    expect(sheet.project.discussion.id).toBe(franceConnect.id);
  });
});
