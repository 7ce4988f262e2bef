import { SearchWorker } from '../src/search/search-worker';
import { startTestServer, TestServer } from './harness';
import { createProject, projectInput, UPDATE_PROJECT } from './wiki-fixtures';

const LIST = `query { projects(first: 50) { totalCount edges { node { id title } } } }`;

/** Posts a GraphQL body as a browser would, returning the cache verdict with the parsed answer. */
async function post(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, cache: response.headers.get('x-essaim-cache'), headers: response.headers, json: (await response.json()) as any };
}

describe('anonymous read cache', () => {
  let server: TestServer;
  // Indexing in the background also (rightly) drops the cache: let it finish before expecting hits.
  const settle = () => server.app.get(SearchWorker).drain();

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers a repeated anonymous query from the cache with the same bytes and headers', async () => {
    await settle();
    const first = await post(server, { query: LIST });
    const second = await post(server, { query: LIST });
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('drops cached answers when content changes: a reader sees a write at once', async () => {
    const agent = await server.registerUser();
    await settle();
    await post(server, { query: LIST });
    expect((await post(server, { query: LIST })).cache).toBe('hit');

    const project = await createProject(agent, { title: 'Cantine bio intercommunale' });
    const afterCreate = await post(server, { query: LIST });
    expect(afterCreate.cache).toBe('miss');
    expect(afterCreate.json.data.projects.edges.map((e: any) => e.node.title)).toContain('Cantine bio intercommunale');

    await agent.ok(UPDATE_PROJECT, { id: project.id, base: project.revision, input: projectInput({ title: 'Cantine bio et locale' }) });
    const afterUpdate = await post(server, { query: LIST });
    expect(afterUpdate.cache).toBe('miss');
    const titles = afterUpdate.json.data.projects.edges.map((e: any) => e.node.title);
    expect(titles).toContain('Cantine bio et locale');
    expect(titles).not.toContain('Cantine bio intercommunale');
  });

  it('never serves or stores answers for a logged-in member or a seminar participant', async () => {
    const agent = await server.registerUser();
    const me = `query { me { id } }`;
    for (let i = 0; i < 2; i++) {
      const response = await post(server, { query: me }, { cookie: agent.cookieHeader() });
      expect(response.cache).toBeNull();
      expect(response.json.data.me.id).toBe(agent.userId);
    }
    // The anonymous answer to the same query is not the member's.
    await post(server, { query: me });
    expect((await post(server, { query: me })).json.data.me).toBeNull();
    expect((await post(server, { query: LIST }, { 'x-participant-token': 'any' })).cache).toBeNull();
    expect((await post(server, { query: LIST }, { cookie: 'essaim_participant=abc' })).cache).toBeNull();
  });

  it('does not keep errors or mutations', async () => {
    for (let i = 0; i < 2; i++) {
      const failing = await post(server, { query: `query { project(slug: 1) { id } }` });
      expect(failing.cache).toBe('miss');
      expect(failing.json.errors?.length).toBeGreaterThan(0);
    }
    const login = { query: `mutation { login(email: "nobody@example.org", password: "wrong password") { id } }` };
    for (let i = 0; i < 2; i++) expect((await post(server, login)).cache).toBe('miss');
  });

  it('keys answers by the request body and the reader language', async () => {
    await settle();
    const a = await post(server, { query: LIST, variables: {} });
    const b = await post(server, { query: LIST, variables: {} }, { 'accept-language': 'en' });
    expect(a.cache).toBe('miss');
    expect(b.cache).toBe('miss');
    expect((await post(server, { query: LIST, variables: {} }, { 'accept-language': 'en' })).cache).toBe('hit');
  });

  it('still refuses a body that is not JSON, with the usual error', async () => {
    for (const body of ['{not json', '"a string"']) {
      const response = await post(server, body);
      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('can be turned off', async () => {
    const off = await startTestServer({ READ_CACHE_TTL_MS: '0' });
    try {
      for (let i = 0; i < 2; i++) expect((await post(off, { query: LIST })).cache).toBeNull();
    } finally {
      await off.close();
    }
  });
});
