import { startOidcProvider, type TestOidcProvider } from '../../apps/api/test/oidc-provider';
import { describeE2E, startE2E, type E2E } from './harness';

/**
 * ProConnect in a real browser: the button on /connexion, the provider's login and consent pages
 * (a real oidc-provider), back on Essaim logged in and verified for Évry-Courcouronnes; logging
 * out from the header goes on to ProConnect's logout and comes back.
 */
describeE2E('proconnect', () => {
  let e2e: E2E;
  let provider: TestOidcProvider;
  const email = `agent.${Date.now().toString(36)}@evry-courcouronnes.fr`;

  beforeAll(async () => {
    provider = await startOidcProvider();
    e2e = await startE2E('proconnect', {
      env: { PROCONNECT_ISSUER: provider.issuer, PROCONNECT_CLIENT_ID: provider.clientId, PROCONNECT_CLIENT_SECRET: provider.clientSecret },
    });
    provider.registerClient({ redirectUri: e2e.url('/auth/proconnect/callback'), postLogoutRedirectUri: e2e.url('/auth/proconnect/logout-callback') });
    provider.addAccount({
      sub: 'agent-evry-1',
      password: 'mot-de-passe-proconnect',
      email,
      given_name: 'Dominique',
      usual_name: 'Lefèvre',
      siret: '20008352500018',
      uid: '1',
    });
  });
  afterAll(async () => {
    await e2e?.stop();
    await provider?.close();
  });

  it('logs an agent in with ProConnect, verified at once, and logs out of both', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/connexion?retour=%2Fforum'));
    const button = page.getByRole('link', { name: 'S’identifier avec ProConnect' });
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Qu’est-ce que ProConnect ?' }).getAttribute('href')).resolves.toBe('https://www.proconnect.gouv.fr/');
    await e2e.checkA11y(page, 'login-proconnect');
    await e2e.screenshot(page, 'connexion-proconnect');

    await button.click();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('mot-de-passe-proconnect');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Autoriser' }).click();
    await page.waitForURL(e2e.url('/forum'));
    const account = page.getByRole('navigation', { name: /compte/i });
    await expect(account.getByRole('link', { name: 'Dominique Lefèvre' }).isVisible()).resolves.toBe(true);

    // Logging out from the header also ends the ProConnect session.
    await account.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.origin === e2e.baseUrl && url.pathname === '/' && url.searchParams.has('deconnexion'));
    await expect(page.getByRole('link', { name: 'Se connecter' }).first().isVisible()).resolves.toBe(true);
  });

  it('works without JavaScript: login, then logout offers the ProConnect logout link', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto(e2e.url('/connexion'));
    await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('mot-de-passe-proconnect');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Autoriser' }).click();
    await page.waitForURL(e2e.url('/'));
    const account = page.getByRole('navigation', { name: /compte/i });
    await account.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(e2e.url('/deconnexion'));
    await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté·e.' }).count()).resolves.toBe(1);
    await e2e.screenshot(page, 'deconnexion-proconnect-sans-js');
    await page.getByRole('link', { name: 'Se déconnecter de ProConnect' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.origin === e2e.baseUrl && url.searchParams.has('deconnexion'));
  });
});
