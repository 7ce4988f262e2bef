import { GqlClient, GqlResponse, startTestServer, TestServer, TEST_PASSWORD, uniqueEmail } from './harness';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { createSeminarFixture, JOIN } from './seminar-helpers';
import { createProject } from './wiki-fixtures';

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

/** Issue 17: every bad input is refused at the boundary with BAD_USER_INPUT, never stored, never INTERNAL. */
describe('input boundary: dates, text, errors', () => {
  let server: TestServer;
  let facilitator: GqlClient & { userId: string };
  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await server.userWithRole('FACILITATOR');
  });
  afterAll(() => server.close());

  const createSeminar = (client: GqlClient, input: Record<string, unknown>) =>
    client.gql(`mutation($input: SeminarInput!) { createSeminar(input: $input) { id date title } }`, { input });
  const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.code;

  it.each([
    ['-000001-01-01T00:00:00Z', 'a negative year'],
    ['+275760-09-13T00:00:00Z', 'a six-digit year'],
    ['1999-12-31T23:00:00Z', 'before 2000'],
    ['2101-01-01T00:00:00Z', 'after 2100'],
    ['2026-02-30T09:00:00Z', 'February 30 (not rolled to March 2)'],
    ['2026-04-31T09:00:00+02:00', 'April 31'],
    ['2026-03-14T09:00:00', 'no time zone'],
    ['2026-03-14', 'a date without a time'],
    ['14/03/2026', 'a French date'],
    ['2026-03-14T25:00:00Z', 'hour 25'],
    ['1741942800000', 'a timestamp'],
  ])('refuses the date %s (%s) with BAD_USER_INPUT, in a variable and as a literal', async (date) => {
    const before = (await facilitator.ok(`{ seminars(first: 100) { totalCount } }`)).seminars.totalCount;
    const viaVariable = await createSeminar(facilitator, { title: 'Séminaire daté', date });
    expect(viaVariable.status).toBe(400);
    expect(codeOf(viaVariable)).toBe('BAD_USER_INPUT');
    const viaLiteral = await facilitator.gql(`mutation { createSeminar(input: { title: "Séminaire daté", date: ${JSON.stringify(date)} }) { id } }`);
    expect(codeOf(viaLiteral)).toBe('BAD_USER_INPUT');
    const list = await facilitator.gql(`{ seminars(first: 100) { totalCount edges { node { date } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.seminars.totalCount).toBe(before);
  });

  it('accepts ISO 8601 dates with a time zone and keeps the instant', async () => {
    const utc = await createSeminar(facilitator, { title: 'Séminaire UTC', date: '2026-02-28T09:00:00Z' });
    expect(utc.data.createSeminar.date).toBe('2026-02-28T09:00:00.000Z');
    const paris = await createSeminar(facilitator, { title: 'Séminaire Paris', date: '2028-02-29T10:30:00.250+01:00' });
    expect(paris.data.createSeminar.date).toBe('2028-02-29T09:30:00.250Z');
    const literal = await facilitator.ok(`mutation { createSeminar(input: { title: "Séminaire littéral", date: "2100-12-31T23:59:59Z" }) { date } }`);
    expect(literal.createSeminar.date).toBe('2100-12-31T23:59:59.000Z');
    const list = await facilitator.gql(`{ seminars(first: 100) { edges { node { date } } } }`);
    expect(list.errors).toBeUndefined();
  });

  it('refuses a malformed blocker start date through the same scalar', async () => {
    const r = await facilitator.gql(
      `mutation { reportBlocker(projectId: "1", input: { category: FUNDING, severity: BLOCKING, description: "Une description assez longue", openedAt: "2026-02-30T00:00:00Z" }) { id } }`,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/date/i);
  });

  const TITLE_CASES: [string, string][] = [
    ['blank', '   '],
    ['zero-width only', '\u200B\u200C\u200D\uFEFF'],
    ['a control character', 'Séminaire\u0007 bip'],
    ['a bidi override', 'Séminaire \u202Eeitrap'],
    ['a lone high surrogate', 'Séminaire \uD83D'],
    ['a lone low surrogate', '\uDC00 Séminaire'],
  ];

  it.each(TITLE_CASES)('refuses a title that is %s', async (_what, title) => {
    const r = await createSeminar(facilitator, { title, date: '2026-03-14T09:00:00Z' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const page = await facilitator.gql(`mutation($input: PageInput!) { createPage(input: $input) { id } }`, { input: { title, body: 'Texte' } });
    expect(codeOf(page)).toBe('BAD_USER_INPUT');
  });

  it('refuses a lone surrogate anywhere, as a variable or a literal, like NUL', async () => {
    const body = await facilitator.gql(`mutation($input: PageInput!) { createPage(input: $input) { id } }`, {
      input: { title: 'Page correcte', body: 'Texte \uD800 cassé' },
    });
    expect(body.status).toBe(400);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    const literal = await facilitator.gql(`mutation { createPage(input: { title: "Page \\uD800", body: "x" }) { id } }`);
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    const email = await server.client().gql(`mutation($i: RegisterInput!) { register(input: $i) { id } }`, {
      i: { email: 'agent\uD800@example.org', password: 'correct horse battery staple', displayName: 'Agent' },
    });
    expect(codeOf(email)).toBe('BAD_USER_INPUT');
  });

  it('trims titles and keeps multi-line Markdown bodies', async () => {
    const r = await facilitator.ok(`mutation($input: PageInput!) { createPage(input: $input) { title } }`, {
      input: { title: '  Page bien rangée  ', body: 'Ligne 1\n\tLigne 2\r\n' },
    });
    expect(r.createPage.title).toBe('Page bien rangée');
  });

  it('normalises display names (NFKC, no zero-width or bidi controls) and refuses invisible ones', async () => {
    const named = await server.registerUser({ displayName: '  Ｃａｍｉｌｌｅ\u200B Dupont\u202E ' });
    expect((await named.ok(`{ me { displayName } }`)).me.displayName).toBe('Camille Dupont');
    for (const displayName of ['\u200B\u200B\u200B', '   ', '\u202E\u202D']) {
      const r = await server.client().gql(`mutation($i: RegisterInput!) { register(input: $i) { id } }`, {
        i: { email: uniqueEmail('invisible'), password: TEST_PASSWORD, displayName },
      });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    }
  });

  it('register with an empty or unknown territory code is BAD_USER_INPUT, not a foreign-key error', async () => {
    for (const territoryCode of ['', ' ', 'ZZZZZ']) {
      const r = await server.client().gql(`mutation($i: RegisterInput!) { register(input: $i) { id } }`, {
        i: { email: uniqueEmail('fk'), password: TEST_PASSWORD, displayName: 'Agent FK', territoryCode },
      });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    }
  });

  it('more than 50 invalid list items are BAD_USER_INPUT', async () => {
    const r = await facilitator.gql(`mutation($w: ID!, $t: [String!]!) { addStakes(workshopId: $w, texts: $t) { id } }`, {
      w: '1',
      t: Array.from({ length: 80 }, () => null),
    });
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  it('a query of 3,200 tokens answers HTTP 400 BAD_USER_INPUT', async () => {
    const fields = Array.from({ length: 3200 }, () => '__typename').join(' ');
    const r = await server.client().gql(`{ ${fields} }`);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe('Requête trop longue : plus de 3000 éléments (tokens), refusée.');
  });

  it('does not suggest field or enum names in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const field = await production.client().gql(`{ territoris(first: 1) { totalCount } }`);
      expect(codeOf(field)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(field.errors)).not.toMatch(/Did you mean/i);
      const enumValue = await production.client().gql(`{ territories(first: 1, kind: COMMUN) { totalCount } }`);
      expect(codeOf(enumValue)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(enumValue.errors)).not.toMatch(/Did you mean|COMMUNE/);
    } finally {
      await production.close();
    }
  });
});

/** Issue 17: one CSV writer; formulas typed into any field never reach a spreadsheet as formulas. */
describe('CSV exports neutralise formulas in every cell', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const cellsOf = (line: string, separator: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === separator) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    return [...cells, cell];
  };

  it('projects.csv: vendor names in logiciels and logiciels_libres are defused', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(user, {
      title: 'Fiche avec des formules',
      sections: {
        vendors: [
          { name: '=HYPERLINK("http://evil","x")', openSource: true, licence: 'MIT' },
          { name: '@SUM(1+1)', openSource: false },
        ],
      },
    });
    const text = (await (await fetch(`${server.url}/open-data/projects.csv`)).text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.split('\r\n');
    const columns = cellsOf(header, ';');
    const row = cellsOf(
      rows.find((r) => r.startsWith(`${project.id};`))!,
      ';',
    );
    const at = (name: string) => row[columns.indexOf(name)];
    expect(at('logiciels')).toBe(`'=HYPERLINK("http://evil","x") | @SUM(1+1)`);
    expect(at('logiciels_libres')).toBe(`'=HYPERLINK("http://evil","x") (MIT)`);
    for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-./);
  });

  it('comparison.csv: an indicator name typed as a formula is defused, numbers stay numbers', async () => {
    const admin = await server.userWithRole('ADMIN');
    await admin.ok(`mutation($i: IndicatorInput!) { createIndicator(input: $i) { code } }`, {
      i: { code: 'FORMULE_TEST', name: '+cmd|"/c calc"!A0', unit: '-%', description: 'x', higherIsBetter: true },
    });
    for (const [format, separator] of [
      ['standard', ','],
      ['excel', ';'],
    ]) {
      const text = await (await fetch(`${server.url}/open-data/comparison.csv?territory=91228&format=${format}`)).text();
      const line = text.split('\r\n').find((l) => l.includes('FORMULE_TEST'))!;
      const cells = cellsOf(line, separator);
      expect(cells).toContain(`'+cmd|"/c calc"!A0`);
      expect(cells).toContain(`'-%`);
    }
  });

  it('seminar minutes CSV: a stake typed as a formula is defused', async () => {
    const facilitator = await server.userWithRole('FACILITATOR');
    const { createSeminar } = await facilitator.ok(`mutation { createSeminar(input: { title: "Séminaire CSV", date: "2026-03-14T09:00:00Z" }) { id } }`);
    const { addWorkshop } = await facilitator.ok(`mutation($s: ID!) { addWorkshop(seminarId: $s, title: "=Atelier") { id } }`, { s: createSeminar.id });
    await facilitator.ok(`mutation($w: ID!) { addStakes(workshopId: $w, texts: ["=1+1", "-2+3", "Enjeu normal"]) { id } }`, { w: addWorkshop.id });
    const { minutes } = await facilitator.ok(`query($id: ID!) { minutes(seminarId: $id, format: CSV) }`, { id: createSeminar.id });
    // The minutes CSV is the French spreadsheet dialect (BOM, ";"), like the other exports.
    const cells = (minutes as string)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .flatMap((line) => cellsOf(line, ';'));
    expect(cells).toEqual(expect.arrayContaining(["'=Atelier", "'=1+1", "'-2+3", 'Enjeu normal']));
    expect(cells.filter((c) => /^[=+@\t\r]|^-./.test(c))).toEqual([]);
  });
});

/** Issue 17: transport hardening (WebSocket origin, slow requests, participant cookie, Markdown images). */
describe('transport and rendering hardening', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const wsUrl = () => `${server.url.replace(/^http/, 'ws')}/graphql`;
  /** Resolves with 'open' or the HTTP status the handshake was refused with. */
  const handshake = (origin?: string) =>
    new Promise<{ outcome: 'open' | number; socket: WebSocket }>((resolve) => {
      const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', origin ? { headers: { origin } } : {});
      socket.on('open', () => resolve({ outcome: 'open', socket }));
      socket.on('unexpected-response', (_req, res) => resolve({ outcome: res.statusCode ?? 0, socket }));
      socket.on('error', () => undefined);
    });

  it('refuses a cross-origin WebSocket handshake with 403, accepts same-origin and non-browser clients', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1.evil.example`]) {
      expect((await handshake(origin)).outcome).toBe(403);
    }
    for (const origin of [server.url, server.config.publicUrl, undefined]) {
      const { outcome, socket } = await handshake(origin);
      expect(outcome).toBe('open');
      socket.close();
    }
  });

  it('applies the HTTP query limits to subscriptions over the WebSocket: tokens, aliases, message size', async () => {
    const { socket } = await handshake();
    const received: { id?: string; type: string; payload?: { message: string; extensions?: { code?: string } }[] }[] = [];
    socket.on('message', (data) => received.push(JSON.parse(data.toString())));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    const next = async (predicate: (m: (typeof received)[number]) => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!received.some(predicate)) {
        if (Date.now() > deadline) throw new Error(`no such message; got ${JSON.stringify(received).slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received.find(predicate)!;
    };
    const subscribe = (id: string, selection: string, variables: Record<string, unknown> = {}) =>
      socket.send(
        JSON.stringify({ id, type: 'subscribe', payload: { query: `subscription { workshopUpdated(workshopId: "1") { ${selection} } }`, variables } }),
      );
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await next((m) => m.type === 'connection_ack');

    // 3,200 tokens: refused like over HTTP, with the same French message (and the socket stays up).
    subscribe('tokens', Array.from({ length: 3200 }, () => '__typename').join(' '));
    const tokens = await next((m) => m.id === 'tokens' && m.type === 'error');
    expect(tokens.payload?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tokens.payload?.[0].message).toBe('Requête trop longue : plus de 3000 éléments (tokens), refusée.');
    subscribe('aliases', Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' '));
    const aliases = await next((m) => m.id === 'aliases' && m.type === 'error');
    expect(aliases.payload?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(aliases.payload?.[0].message).toMatch(/^Requête refusée : 40 alias, 15 au maximum/);
    expect(socket.readyState).toBe(WebSocket.OPEN);

    // A message larger than an HTTP body (1 MB): the socket itself refuses it, 1009 "Message Too Big".
    subscribe('huge', 'id', { padding: 'x'.repeat(1_100_000) });
    expect(await closed).toBe(1009);
  });

  it('cuts a request whose body trickles in after about 30 s, leaving WebSockets alone', async () => {
    jest.setTimeout(60_000);
    const { socket: live } = await handshake(server.url);
    live.send(JSON.stringify({ type: 'connection_init' }));
    const { port } = new URL(server.url);
    const slow = connect(Number(port), '127.0.0.1');
    const started = Date.now();
    let answer = '';
    slow.on('data', (chunk) => (answer += chunk.toString()));
    slow.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{');
    const drip = setInterval(() => slow.writable && slow.write(' '), 1000);
    await new Promise<void>((resolve) => slow.on('close', () => resolve()));
    clearInterval(drip);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(29_000);
    expect(elapsed).toBeLessThan(40_000);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    // The socket opened before is still there and answers.
    expect(live.readyState).toBe(WebSocket.OPEN);
    const pong = new Promise((resolve) => live.once('message', (data) => resolve(JSON.parse(data.toString()).type)));
    live.send(JSON.stringify({ type: 'ping' }));
    expect(await pong).toMatch(/connection_ack|pong/);
    live.close();
  }, 60_000);

  it('gives the participant cookie the lifetime of the participant token (7 days)', async () => {
    const fixture = await createSeminarFixture(server);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: JOIN, variables: { joinCode: fixture.joinCode, displayName: 'Cookie', groupId: fixture.groupIds[0] } }),
    });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('essaim_participant='))!;
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(7 * 86_400 - 60);
    expect(maxAge).toBeLessThanOrEqual(7 * 86_400);
  });

  it('renders an external image in Markdown as a link, not an image', async () => {
    const user = await server.registerUser();
    const { createPage } = await user.ok(`mutation($i: PageInput!) { createPage(input: $i) { bodyHtml } }`, {
      i: { title: 'Page avec image', body: 'Voir ![pixel](https://tracker.example/p.gif)' },
    });
    expect(createPage.bodyHtml).not.toContain('<img');
    expect(createPage.bodyHtml).toContain('<a href="https://tracker.example/p.gif" rel="noopener noreferrer nofollow" class="external-image">');
  });
});
