import { startTestServer, TEST_PASSWORD, TestServer, uniqueEmail } from './harness';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id } }`;

/** Issue 19: one bad input, answered in French by default and in English when asked (Accept-Language). */
describe('errors in the caller’s language', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const client = (acceptLanguage?: string) => {
    const c = server.client();
    if (acceptLanguage) c.headers['accept-language'] = acceptLanguage;
    return c;
  };

  it('says a refused login in French by default, in English with Accept-Language: en, with the same code and reason', async () => {
    const variables = { email: uniqueEmail('nobody'), password: TEST_PASSWORD };
    const [french, english, preferred] = await Promise.all([
      client().gql(LOGIN, variables),
      client('en').gql(LOGIN, variables),
      client('de-DE, en-GB;q=0.8, fr;q=0.5').gql(LOGIN, variables),
    ]);
    expect(french.errors?.[0]).toMatchObject({
      message: 'Adresse e-mail ou mot de passe incorrect.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS', params: {} },
    });
    expect(english.errors?.[0]).toMatchObject({
      message: 'Wrong e-mail address or password.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'WRONG_CREDENTIALS' },
    });
    expect(preferred.errors?.[0].message).toBe('Wrong e-mail address or password.');
  });

  it('fills the parameters of the sentence in both languages', async () => {
    const input = { email: uniqueEmail('short'), password: 'court', displayName: 'Mot de passe court' };
    const french = await client('fr-FR').gql(REGISTER, { input });
    const english = await client('en-US').gql(REGISTER, { input });
    expect(french.errors?.[0]).toMatchObject({
      message: 'Le mot de passe doit contenir au moins 10 caractères.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_SHORT', params: { min: 10 }, field: 'password' },
    });
    expect(english.errors?.[0]).toMatchObject({
      message: 'The password must be at least 10 characters long.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PASSWORD_TOO_SHORT', params: { min: 10 }, field: 'password' },
    });
  });

  it('says the default refusal of the permission guard and the query limits in English too', async () => {
    const anonymous = await Promise.all([client().gql(SET_ROLE, { userId: '1', role: 'ADMIN' }), client('en').gql(SET_ROLE, { userId: '1', role: 'ADMIN' })]);
    expect(anonymous.map((answer) => answer.errors?.[0].message)).toEqual(['Vous devez être connecté·e pour faire cela.', 'You must be signed in to do this.']);
    expect(anonymous[1].errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' });
    const deep = `{ ${'territories { edges { node { departement { '.repeat(3)}code${' } } } }'.repeat(3)} }`;
    const [french, english] = await Promise.all([client().gql(deep), client('en').gql(deep)]);
    expect(french.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' });
    expect(french.errors?.[0].message).toMatch(/^Requête trop profonde : \d+ niveaux d'imbrication, 12 au maximum/);
    expect(english.errors?.[0].message).toMatch(/^Query too deep: \d+ levels of nesting, 12 at most/);
  });
});
