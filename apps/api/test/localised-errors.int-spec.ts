import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, TEST_PASSWORD, TestServer, uniqueEmail } from './harness';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id } }`;
const REPORT_BLOCKER = `mutation($input: BlockerInput!, $projectId: ID!) { reportBlocker(input: $input, projectId: $projectId) { id } }`;
const SEARCH = `query($q: String!) { search(q: $q) { engine } }`;
const WORKSHOP = `subscription($workshopId: ID!) { workshopUpdated(workshopId: $workshopId) { id } }`;

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

  /** Issue 19, argument validation: the decorators' and text rules' sentences, in both languages, field by field. */
  it('says a refused DTO argument and a broken text rule in English, field by field, with the same reasons', async () => {
    const input = { email: 'pas-une-adresse', password: TEST_PASSWORD, displayName: 'Cam\u0007ille' };
    const [french, english] = await Promise.all([client().gql(REGISTER, { input }), client('en').gql(REGISTER, { input })]);
    const frenchProblems = "L'adresse e-mail n'est pas valide. « nom affiché » ne peut pas contenir de caractère de contrôle (tabulation, retour à la ligne…).";
    expect(french.errors?.[0]).toMatchObject({
      message: frenchProblems,
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        params: { problems: frenchProblems },
        fields: [
          { field: 'email', reason: 'INVALID_EMAIL', params: {}, message: "L'adresse e-mail n'est pas valide." },
          { field: 'displayName', reason: 'TEXT_HAS_CONTROL_CHARACTER', params: { label: 'nom affiché' } },
        ],
      },
    });
    const englishProblems = 'The e-mail address is not valid. "nom affiché" cannot contain a control character (tab, line break…).';
    expect(english.errors?.[0]).toMatchObject({
      message: englishProblems,
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        params: { problems: englishProblems },
        fields: [
          { field: 'email', reason: 'INVALID_EMAIL', message: 'The e-mail address is not valid.' },
          { field: 'displayName', reason: 'TEXT_HAS_CONTROL_CHARACTER', message: '"nom affiché" cannot contain a control character (tab, line break…).' },
        ],
      },
    });
  });

  it('says a refused DateTime and a NUL character in English, keeping graphql-js’s prefix', async () => {
    const variables = {
      projectId: '1',
      input: { category: 'FUNDING', severity: 'BLOCKING', description: 'Une description assez longue.', openedAt: '2026-02-30T10:00:00Z' },
    };
    const [french, english] = await Promise.all([client().gql(REPORT_BLOCKER, variables), client('en').gql(REPORT_BLOCKER, variables)]);
    expect(french.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME' });
    expect(french.errors?.[0].message).toMatch(
      /^Variable "\$input" got invalid value .*; Date invalide \(« 2026-02-30T10:00:00Z »\) : ce jour n'existe pas dans ce mois\. Format attendu/,
    );
    expect(english.errors?.[0].message).toMatch(
      /^Variable "\$input" got invalid value .*; Invalid date \("2026-02-30T10:00:00Z"\): this day does not exist in this month\. Expected format: ISO 8601 with a time zone/,
    );

    const [frenchNul, englishNul] = await Promise.all([client().gql(SEARCH, { q: 'a\u0000b' }), client('en').gql(SEARCH, { q: 'a\u0000b' })]);
    expect(frenchNul.status).toBe(400);
    expect(frenchNul.errors?.[0]).toMatchObject({
      message: 'Le texte envoyé contient un caractère nul (\\u0000), refusé.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'TEXT_HAS_NUL' },
    });
    expect(englishNul.status).toBe(400);
    expect(englishNul.errors?.[0]).toMatchObject({
      message: 'The text sent contains a null character (\\u0000), refused.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'TEXT_HAS_NUL' },
    });
  });

  it('says the open-data CSV refusal in the language of Accept-Language, with code and reason', async () => {
    const ask = (acceptLanguage?: string) =>
      fetch(`${server.url}/open-data/blockers.csv?departement=xx`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
    const [french, english] = await Promise.all([ask(), ask('en-GB,en;q=0.9')]);
    expect([french.status, english.status]).toEqual([400, 400]);
    expect(await french.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Code de département invalide (exemples : 91, 2A, 971).',
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DEPARTEMENT_CODE',
      params: {},
    });
    expect(await english.json()).toMatchObject({ message: 'Invalid département code (examples: 91, 2A, 971).', reason: 'INVALID_DEPARTEMENT_CODE' });
  });

  it('says a subscription’s error over the WebSocket in the `lang` connection parameter’s language, else Accept-Language’s', async () => {
    const firstError = (connectionParams: Record<string, unknown>, acceptLanguage?: string) =>
      new Promise<{ message: string; extensions?: Record<string, unknown> }>((resolve, reject) => {
        class LanguageWebSocket extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
          }
        }
        const ws = createClient({ url: `${server.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: LanguageWebSocket, connectionParams, retryAttempts: 0 });
        const done = (settle: () => void) => {
          settle();
          void ws.dispose();
        };
        ws.subscribe(
          { query: WORKSHOP, variables: { workshopId: 'abc' } },
          {
            next: (value) => value.errors?.length && done(() => resolve(value.errors![0] as never)),
            error: (error) => done(() => (Array.isArray(error) ? resolve(error[0]) : reject(error))),
            complete: () => undefined,
          },
        );
      });
    const [french, english, byHeader] = await Promise.all([firstError({}), firstError({ lang: 'en' }, 'fr'), firstError({}, 'en-US')]);
    expect(french).toMatchObject({
      message: 'Identifiant invalide pour « workshopId ».',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: [{ field: 'workshopId', reason: 'INVALID_ID_FOR' }] },
    });
    expect(english).toMatchObject({ message: 'Invalid identifier for "workshopId".', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' } });
    expect(byHeader.message).toBe('Invalid identifier for "workshopId".');
  });
});
