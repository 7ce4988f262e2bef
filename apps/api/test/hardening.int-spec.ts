import { startTestServer, TestServer } from './harness';

describe('GraphQL hardening', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses a 20-level-deep query with BAD_USER_INPUT and a clear message', async () => {
    let selection = 'code';
    for (let i = 0; i < 20; i++) selection = `epci { ${selection} }`;
    const result = await server.client().gql(`{ territory(code: "91228") { ${selection} } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    expect(result.errors?.map((e) => e.message)).toContainEqual(expect.stringMatching(/trop profonde : 2\d niveaux/));
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: territory(code: "91228") { code }`).join(' ');
    const result = await server.client().gql(`{ ${aliases} }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation{logout}',
    });
    expect(response.status).toBe(400);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
  });

  it('refuses an oversized request body', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(2_000_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('serves /healthz with database and pub/sub status', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.components.database.status).toBe('ok');
    expect(body.components.pubsub).toMatchObject({ status: 'ok', kind: 'memory' });
  });

  it('rate-limits registrations per IP', async () => {
    const limited = await startTestServer({ RATE_LIMIT_REGISTER_PER_HOUR: '2' });
    try {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await limited.client().gql(`mutation($i: RegisterInput!) { register(input: $i) { id } }`, {
          i: { email: `rl${i}.${Date.now()}@example.org`, password: 'correct horse battery staple', displayName: 'Rate' },
        });
        codes.push(r.errors?.[0]?.extensions?.code);
      }
      expect(codes).toEqual([undefined, undefined, 'RATE_LIMITED']);

      // Visitors behind the web app (its server-side calls come over loopback with
      // X-Forwarded-For) each get their own budget.
      const visitor = limited.client();
      visitor.headers['x-forwarded-for'] = '203.0.113.7';
      const behindWebApp = await visitor.gql(`mutation($i: RegisterInput!) { register(input: $i) { id } }`, {
        i: { email: `rl-fwd.${Date.now()}@example.org`, password: 'correct horse battery staple', displayName: 'Forwarded' },
      });
      expect(behindWebApp.errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('validates pagination bounds', async () => {
    const result = await server.client().gql(`{ territories(first: 1000) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
