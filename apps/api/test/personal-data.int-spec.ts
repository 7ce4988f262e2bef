import { startTestServer, TestServer, TEST_PASSWORD, uniqueEmail } from './harness';

describe('personal data (RGPD)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('exports what Essaim holds about me, without secrets', async () => {
    const email = uniqueEmail('rgpd');
    const me = await server.registerUser({ email, displayName: 'Camille Export' });
    const { myPersonalData } = await me.ok(`{ myPersonalData }`);
    const exported = JSON.parse(myPersonalData);
    expect(exported.account).toMatchObject({ email, displayName: 'Camille Export', territoryCode: '91228' });
    expect(myPersonalData).not.toMatch(/passwordHash|argon2/);
    expect((await server.client().gql(`{ myPersonalData }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('deletes my account after confirming the password, frees the e-mail and logs me out', async () => {
    const email = uniqueEmail('bye');
    const me = await server.registerUser({ email, displayName: 'Dominique Départ' });
    const wrong = await me.gql(`mutation { deleteMyAccount(password: "not my password") }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await me.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: TEST_PASSWORD })).deleteMyAccount).toBe(true);
    expect((await me.ok(`{ me { id } }`)).me).toBeNull();
    const login = await server.client().gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: email, p: TEST_PASSWORD });
    expect(login.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await server.registerUser({ email, displayName: 'Nouveau compte' });
  });
});
