import { DataSource } from 'typeorm';
import { ConfigError, readConfig } from '../src/config/config';
import { FLOW_COOKIE, FlowSealer } from '../src/accounts/proconnect/flow-cookie';
import { TerritoryImportService } from '../src/territories/territory-import.service';
import { GqlClient, startTestServer, TEST_DB, TEST_PASSWORD, TestServer, uniqueEmail } from './harness';
import { HttpBrowser } from './http-browser';
import { ProviderAccount, startOidcProvider, TestOidcProvider } from './oidc-provider';
import { freePort } from './server-process';

/**
 * ProConnect login end to end: Essaim's real server against a real OpenID Connect provider
 * (oidc-provider, with ProConnect's claims, signed userinfo, PKCE and end_session), the browser
 * side played with plain HTTP requests.
 */
jest.setTimeout(120_000);

// Évry-Courcouronnes (INSEE 91228) has SIREN 200083525 in @etalab/decoupage-administratif.
const EVRY_SIRET = '20008352500018';
// DINUM, a State body: no territory carries its SIREN.
const DINUM_SIRET = '13002526500013';

let server: TestServer;
let provider: TestOidcProvider;
let accountCounter = 0;

const sql = (query: string) => (TEST_DB === 'postgres' ? query : query.replace(/\$\d+/g, '?'));
const db = () => server.app.get(DataSource);

function agent(overrides: Partial<ProviderAccount> = {}): ProviderAccount {
  accountCounter += 1;
  const account: ProviderAccount = {
    sub: `sub-${accountCounter}-${Date.now().toString(36)}`,
    password: 'mot-de-passe-du-fournisseur',
    email: uniqueEmail('agent'),
    given_name: 'Camille',
    usual_name: `Martin ${accountCounter}`,
    siret: EVRY_SIRET,
    uid: String(accountCounter),
    ...overrides,
  };
  provider.addAccount(account);
  return account;
}

const onEssaim = (next: URL) => next.origin === server.url && !next.pathname.startsWith('/auth/proconnect');

/** Starts a login at Essaim and follows it to the provider's login form. */
async function startLogin(browser: HttpBrowser, retour?: string) {
  const start = `${server.url}/auth/proconnect${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`;
  const page = await browser.navigate(start, {}, onEssaim);
  return { ...page, html: page.response ? await page.response.text() : '' };
}

/** Fills the provider's login form, then its consent form when asked; stops back on Essaim. */
async function signInAtProvider(browser: HttpBrowser, page: { url: string; html: string }, account: ProviderAccount, stopAt = onEssaim) {
  expect(page.html).toContain('name="password"');
  let next = await browser.submitForm(page.url, page.html, { login: account.email, password: account.password }, stopAt);
  if (next.response) {
    const html = await next.response.text();
    expect(html).toContain('/consent');
    next = await browser.submitForm(next.url, html, {}, stopAt);
  }
  return next;
}

async function loginWithProconnect(browser: HttpBrowser, account: ProviderAccount, retour?: string) {
  const page = await startLogin(browser, retour);
  return signInAtProvider(browser, page, account);
}

/** A GraphQL client carrying the browser's Essaim cookies. */
function clientOf(browser: HttpBrowser): GqlClient {
  const client = server.client();
  const session = browser.cookie(server.url, 'essaim_session');
  if (session) client.cookies.set('essaim_session', session);
  return client;
}

const ME = `{ me { id displayName email handle territory { code } memberships { territory { code } status method } } }`;

async function emailVerifiedAt(userId: string): Promise<unknown> {
  const [row] = await db().query(sql(`SELECT "emailVerifiedAt" FROM "user" WHERE "id" = $1`), [Number(userId)]);
  return row.emailVerifiedAt;
}

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    redirectUri: `${publicUrl}/auth/proconnect/callback`,
    postLogoutRedirectUri: `${publicUrl}/auth/proconnect/logout-callback`,
  });
  server = await startTestServer({
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    PROCONNECT_ISSUER: provider.issuer,
    PROCONNECT_CLIENT_ID: provider.clientId,
    PROCONNECT_CLIENT_SECRET: provider.clientSecret,
  });
});

afterAll(async () => {
  await server?.close();
  await provider?.close();
});

describe('territories carry their SIREN', () => {
  it('has SIRENs for communes and EPCI, none invented for départements', async () => {
    const rows: { code: string; kind: string; siren: string | null }[] = await db().query(
      sql(`SELECT "code", "kind", "siren" FROM "territory" WHERE "code" IN ($1, $2, $3, $4) ORDER BY "code"`),
      ['91228', '91223', '200059228', '91'],
    );
    expect(rows).toEqual([
      { code: '200059228', kind: 'EPCI', siren: '200059228' },
      { code: '91', kind: 'DEPARTEMENT', siren: null },
      { code: '91223', kind: 'COMMUNE', siren: '219102233' },
      { code: '91228', kind: 'COMMUNE', siren: '200083525' },
    ]);
  });

  it('fills the column in a database imported before SIRENs existed', async () => {
    await db().query(sql(`UPDATE "territory" SET "siren" = NULL`));
    await db().query(sql(`UPDATE "app_meta" SET "value" = $1 WHERE "key" = 'territories'`), ['decoupage-administratif@6/1:91,75']);
    await server.app.get(TerritoryImportService).importIfNeeded(['91', '75']);
    const [row] = await db().query(sql(`SELECT "siren" FROM "territory" WHERE "code" = $1`), ['91228']);
    expect(row.siren).toBe('200083525');
  });
});

describe('ProConnect login', () => {
  it('is offered by the API when configured', async () => {
    expect((await server.client().ok(`{ authProviders }`)).authProviders).toEqual(['PROCONNECT']);
  });

  it('creates an account for an agent of a known commune, VERIFIED at once, and returns to the page it came from', async () => {
    const account = agent({ given_name: 'Camille', usual_name: 'Martin' });
    const browser = new HttpBrowser();
    const done = await loginWithProconnect(browser, account, '/projets?theme=SANTE#liste');
    expect(done.url).toBe(`${server.url}/projets?theme=SANTE#liste`);
    const me = (await clientOf(browser).ok(ME)).me;
    expect(me).toMatchObject({
      displayName: 'Camille Martin',
      email: account.email,
      handle: `camille-martin-${me.id}`,
      territory: { code: '91228' },
      memberships: [{ territory: { code: '91228' }, status: 'VERIFIED', method: 'PROCONNECT' }],
    });
    expect(await emailVerifiedAt(me.id)).not.toBeNull();
    const identities = await db().query(sql(`SELECT "userId", "subject" FROM "user_identity" WHERE "provider" = 'proconnect' AND "subject" = $1`), [
      account.sub,
    ]);
    expect(identities).toEqual([{ userId: Number(me.id), subject: account.sub }]);
  });

  it('creates an account without territory when the SIRET matches no collectivité', async () => {
    const account = agent({ siret: DINUM_SIRET });
    const browser = new HttpBrowser();
    const done = await loginWithProconnect(browser, account);
    expect(done.url).toBe(`${server.url}/`);
    const me = (await clientOf(browser).ok(ME)).me;
    expect(me).toMatchObject({ email: account.email, territory: null, memberships: [] });
    expect(await emailVerifiedAt(me.id)).not.toBeNull();
  });

  it('links an existing account with the same e-mail instead of creating another', async () => {
    const email = uniqueEmail('existant');
    // Registered with a password, Évry chosen: a PENDING request, e-mail not verified.
    const registered = await server.registerUser({ email, territoryCode: '91228', verified: false });
    expect((await registered.ok(ME)).me.memberships).toEqual([{ territory: { code: '91228' }, status: 'PENDING', method: null }]);
    expect(await emailVerifiedAt(registered.userId)).toBeNull();
    const account = agent({ email: email.toUpperCase() });
    for (let i = 0; i < 2; i++) {
      const browser = new HttpBrowser();
      await loginWithProconnect(browser, account);
      const me = (await clientOf(browser).ok(ME)).me;
      expect(me.id).toBe(registered.userId);
      expect(me.memberships).toEqual([{ territory: { code: '91228' }, status: 'VERIFIED', method: 'PROCONNECT' }]);
    }
    expect(await emailVerifiedAt(registered.userId)).not.toBeNull();
    // The password still works for the linked account.
    expect(
      (await server.client().gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: email, p: TEST_PASSWORD })).data?.login
        .id,
    ).toBe(registered.userId);
    const [{ count }] = await db().query(sql(`SELECT COUNT(*) AS "count" FROM "user" WHERE "email" = $1`), [email]);
    expect(Number(count)).toBe(1);
  });

  it('leaves a revoked membership revoked', async () => {
    const account = agent();
    const browser = new HttpBrowser();
    await loginWithProconnect(browser, account);
    const me = (await clientOf(browser).ok(ME)).me;
    await db().query(sql(`UPDATE "membership" SET "status" = 'REVOKED' WHERE "userId" = $1`), [Number(me.id)]);
    const again = new HttpBrowser();
    await loginWithProconnect(again, account);
    expect((await clientOf(again).ok(ME)).me.memberships).toEqual([{ territory: { code: '91228' }, status: 'REVOKED', method: 'PROCONNECT' }]);
  });

  it('keeps only same-origin return paths', async () => {
    const account = agent();
    for (const retour of ['/\t/evil.example', '//evil.example/x', 'https://evil.example/']) {
      const done = await loginWithProconnect(new HttpBrowser(), account, retour);
      expect(done.url).toBe(`${server.url}/`);
    }
  });
});

describe('ProConnect login refused', () => {
  const refused = (url: string) => expect(new URL(url).pathname + new URL(url).search).toMatch(/^\/connexion\?erreur=proconnect/);

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const victim = new HttpBrowser();
    await startLogin(victim);
    // The attacker logs in with their own agent and hands the victim their callback URL.
    const attacker = new HttpBrowser();
    const page = await startLogin(attacker);
    const callback = await signInAtProvider(attacker, page, agent(), (next) => next.pathname === '/auth/proconnect/callback');
    expect(new URL(callback.url).searchParams.get('code')).toBeTruthy();
    const done = await victim.navigate(callback.url, {}, onEssaim);
    refused(done.url);
    expect(victim.cookie(server.url, 'essaim_session')).toBeUndefined();
    // Without any login in progress at all.
    const bare = await new HttpBrowser().navigate(callback.url, {}, onEssaim);
    refused(bare.url);
  });

  it('refuses an ID token whose nonce is not the expected one', async () => {
    const browser = new HttpBrowser();
    const page = await startLogin(browser);
    // Rewrite the login in progress (the test knows the client secret) with another nonce.
    const sealer = new FlowSealer(provider.clientSecret);
    const flow = sealer.open(browser.cookie(server.url, FLOW_COOKIE));
    expect(flow).not.toBeNull();
    browser.setCookie(server.url, FLOW_COOKIE, sealer.seal({ ...flow!, nonce: 'another-nonce-another-nonce-another-nonce' }));
    const done = await signInAtProvider(browser, page, agent());
    refused(done.url);
    expect(browser.cookie(server.url, 'essaim_session')).toBeUndefined();
  });

  it('refuses a code exchanged without the right PKCE verifier', async () => {
    const browser = new HttpBrowser();
    const page = await startLogin(browser);
    const sealer = new FlowSealer(provider.clientSecret);
    const flow = sealer.open(browser.cookie(server.url, FLOW_COOKIE));
    browser.setCookie(server.url, FLOW_COOKIE, sealer.seal({ ...flow!, codeVerifier: 'x'.repeat(43) }));
    const done = await signInAtProvider(browser, page, agent());
    refused(done.url);
    expect(browser.cookie(server.url, 'essaim_session')).toBeUndefined();
  });

  it('refuses a non-https issuer off loopback at configuration time', () => {
    // The configuration is read before anything starts (main.ts exits with code 78 on this error).
    const env = { PROCONNECT_ISSUER: 'http://proconnect.example.fr/api/v2', PROCONNECT_CLIENT_ID: 'x', PROCONNECT_CLIENT_SECRET: 'y' };
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig({ ...env, PROCONNECT_ISSUER: 'http://localhost:4000' })).toThrow(/https/);
    expect(readConfig({ ...env, PROCONNECT_ISSUER: provider.issuer }).proconnect?.issuer).toBe(provider.issuer);
  });
});

describe('ProConnect logout', () => {
  it('ends the provider session too', async () => {
    const account = agent();
    const browser = new HttpBrowser();
    await loginWithProconnect(browser, account);
    // While the provider session lives, a new login goes straight through (no password asked).
    const again = await startLogin(browser);
    expect(again.response).toBeNull();
    expect(again.url).toBe(`${server.url}/`);

    const client = clientOf(browser);
    const { endSessionUrl } = await client.ok(`{ endSessionUrl }`);
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/auth/proconnect/logout-callback`);
    expect((await client.ok(`mutation { logout }`)).logout).toBe(true);
    expect((await client.ok(ME)).me).toBeNull();

    const confirm = await browser.navigate(endSessionUrl, {}, onEssaim);
    const loggedOut = await browser.submitForm(confirm.url, await confirm.response!.text(), { logout: 'yes' }, onEssaim);
    expect(loggedOut.url).toBe(`${server.url}/?deconnexion=1`);

    // The provider asks for the password again: its session is over.
    const after = await startLogin(browser);
    expect(after.html).toContain('name="password"');
    // An anonymous visitor has nothing to end.
    expect((await server.client().ok(`{ endSessionUrl }`)).endSessionUrl).toBeNull();
  });
});
