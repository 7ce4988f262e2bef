import { startTestServer, TestServer, TEST_PASSWORD, uniqueEmail } from './harness';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id displayName role territory { code name } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id displayName } }`;
const ME = `{ me { id displayName role email territory { name } } }`;

describe('accounts over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_EMAILS: 'boss@essonne.fr' });
  });
  afterAll(() => server.close());

  it('registers a member who is logged in at once, then logs out and back in', async () => {
    const client = server.client();
    const email = uniqueEmail('agent');
    const { register } = await client.ok(REGISTER, {
      input: { email, password: TEST_PASSWORD, displayName: 'Agente d’Évry', territoryCode: '91228' },
    });
    expect(register).toMatchObject({ displayName: 'Agente d’Évry', role: 'MEMBER', territory: { code: '91228', name: 'Évry-Courcouronnes' } });
    const sessionCookie = client.cookies.get('essaim_session');
    expect(sessionCookie).toBeTruthy();

    expect((await client.ok(ME)).me).toMatchObject({ id: register.id, email, territory: { name: 'Évry-Courcouronnes' } });

    expect((await client.ok('mutation { logout }')).logout).toBe(true);
    expect((await client.ok(ME)).me).toBeNull();

    const login = await client.ok(LOGIN, { email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(login.login.id).toBe(register.id);
    expect(client.cookies.get('essaim_session')).not.toBe(sessionCookie);
    expect((await client.ok(ME)).me.id).toBe(register.id);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const client = server.client();
    const result = await client.gql(REGISTER, { input: { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'Cookie' } });
    const cookie = result.headers.getSetCookie().find((c) => c.startsWith('essaim_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses bad credentials with UNAUTHENTICATED and the same message for unknown accounts', async () => {
    const email = uniqueEmail();
    await server.client().ok(REGISTER, { input: { email, password: TEST_PASSWORD, displayName: 'Bad creds' } });
    const wrongPassword = await server.client().gql(LOGIN, { email, password: 'not the password at all' });
    const unknown = await server.client().gql(LOGIN, { email: uniqueEmail(), password: TEST_PASSWORD });
    expect(wrongPassword.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('slows down repeated wrong passwords from one address, known or unknown alike', async () => {
    const known = uniqueEmail('throttled');
    await server.client().ok(REGISTER, { input: { email: known, password: TEST_PASSWORD, displayName: 'Throttled' } });
    const unknown = uniqueEmail('nobody');
    const answers: Record<string, string[]> = { known: [], unknown: [] };
    for (const [label, email] of [
      ['known', known],
      ['unknown', unknown],
    ] as const) {
      for (let i = 0; i < 6; i++) {
        const result = await server.client().gql(LOGIN, { email, password: `wrong password ${i}` });
        answers[label].push(`${result.errors?.[0].extensions?.code}: ${result.errors?.[0].message.replace(/\d+/g, 'N')}`);
      }
    }
    expect(answers.known).toEqual(answers.unknown);
    expect(answers.known.slice(0, 5).every((a) => a.startsWith('UNAUTHENTICATED'))).toBe(true);
    expect(answers.known[5]).toMatch(/^RATE_LIMITED: Trop de tentatives/);
    expect(answers.known.join(' ')).not.toMatch(/verrouill/);
    // While the pair waits, even the right password is not checked.
    const right = await server.client().gql(LOGIN, { email: known, password: TEST_PASSWORD });
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts simultaneous wrong passwords for one address, each refused cleanly (no key collision)', async () => {
    const email = uniqueEmail('burst');
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => server.client().gql(LOGIN, { email, password: `wrong burst ${i}` })));
    expect(burst.map((r) => r.errors?.[0].extensions?.code)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    // All five counted: the fifth failure started the delay, so the next attempt waits.
    const waiting = await server.client().gql(LOGIN, { email, password: 'wrong burst 6' });
    expect(waiting.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it.each([
    ['too short', 'court123', /au moins 10 caractères/],
    ['too common', 'motdepasse123', /trop courant/],
  ])('refuses a %s password with BAD_USER_INPUT', async (_label, password, message) => {
    const result = await server.client().gql(REGISTER, { input: { email: uniqueEmail(), password, displayName: 'Weak' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(message);
  });

  it('refuses an unknown territory code and a malformed e-mail with BAD_USER_INPUT', async () => {
    const unknownTerritory = await server.client().gql(REGISTER, {
      input: { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'Nowhere', territoryCode: '99999' },
    });
    expect(unknownTerritory.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownTerritory.errors?.[0].message).toMatch(/Territoire inconnu/);

    const badEmail = await server.client().gql(REGISTER, { input: { email: 'not-an-email', password: TEST_PASSWORD, displayName: 'X y' } });
    expect(badEmail.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badEmail.errors?.[0].message).toMatch(/adresse e-mail/);
  });

  it('answers a second registration with the same e-mail like a new one, but creates nothing and opens no session', async () => {
    const email = uniqueEmail();
    const first = await server.client().ok(REGISTER, { input: { email, password: TEST_PASSWORD, displayName: 'First' } });
    const visitor = server.client();
    const again = await visitor.gql(REGISTER, { input: { email: email.toUpperCase(), password: TEST_PASSWORD, displayName: 'Second' } });
    expect(again.errors).toBeUndefined();
    expect(again.data.register.id).not.toBe(first.register.id);
    expect((await visitor.ok(ME)).me).toBeNull();
    // The owner's account and password are untouched (the owner is e-mailed: mail.int-spec.ts).
    expect((await server.client().ok(LOGIN, { email, password: TEST_PASSWORD })).login.id).toBe(first.register.id);
  });

  it('makes an ADMIN_EMAILS address an admin once the address is verified, who alone can change roles', async () => {
    const admin = await server.registerUser({ email: 'boss@essonne.fr' });
    expect((await admin.ok(ME)).me.role).toBe('MEMBER');
    await server.verifyEmail(admin.userId);
    expect((await admin.ok(ME)).me.role).toBe('ADMIN');
    const member = await server.registerUser();
    const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }`;

    const denied = await member.gql(SET_ROLE, { userId: member.userId, role: 'ADMIN' });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.client().gql(SET_ROLE, { userId: member.userId, role: 'ADMIN' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const granted = await admin.ok(SET_ROLE, { userId: member.userId, role: 'FACILITATOR' });
    expect(granted.setUserRole.role).toBe('FACILITATOR');
    expect((await member.ok(ME)).me.role).toBe('FACILITATOR');
  });
});
