import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeE2E, ROOT, startE2E, type E2E } from './harness';

describeE2E('foundation', () => {
  let e2e: E2E;
  const unique = Date.now().toString(36);

  beforeAll(async () => {
    e2e = await startE2E('foundation');
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('registers with a territory, logs out, logs in, visits the Essonne and a commune, logs out', async () => {
    const page = await e2e.newPage();

    // Home: French, every area in the navigation, accessible.
    await page.goto(e2e.url('/'));
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const area of ['Projets', 'Pages', 'Recherche', 'Séminaires', 'Forum', 'Comparer', 'Freins', 'Territoires']) {
      await expect(nav.getByRole('link', { name: area, exact: true }).count()).resolves.toBe(1);
    }
    await e2e.checkA11y(page, 'home');
    const home = await e2e.screenshot(page, 'accueil');
    if (process.env.ESSAIM_UPDATE_SCREENSHOT === '1') copyFileSync(home, join(ROOT, 'docs', 'screenshot.png'));

    // Register, picking the territory from the suggestions with the keyboard.
    await page.getByRole('link', { name: 'Créer un compte' }).first().click();
    await page.waitForURL('**/inscription');
    await e2e.checkA11y(page, 'register');
    await page.getByLabel('Nom affiché').fill('Camille Test');
    await page.getByLabel('Adresse e-mail').fill(`camille.${unique}@example.fr`);
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    const territory = page.getByRole('combobox', { name: /Votre collectivité/ });
    await territory.pressSequentially('evry', { delay: 30 });
    await page.getByRole('option', { name: /Évry-Courcouronnes/ }).waitFor();
    await e2e.screenshot(page, 'inscription-suggestions');
    await territory.press('ArrowDown');
    await territory.press('Enter');
    await expect(territory.inputValue()).resolves.toBe('Évry-Courcouronnes (91228)');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    // "Vérifiez votre boîte mail": the address the link went to, then on to the account.
    await page.waitForURL('**/inscription/verifiez');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vérifiez votre boîte mail');
    await expect(page.locator('main').textContent()).resolves.toContain(`camille.${unique}@example.fr`);
    await e2e.checkA11y(page, 'check-inbox');
    await page.getByRole('link', { name: 'Continuer vers mon compte' }).click();
    await page.waitForURL('**/compte?bienvenue=1');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mon compte');
    await expect(page.getByRole('link', { name: 'Évry-Courcouronnes' }).count()).resolves.toBe(1);
    await e2e.screenshot(page, 'compte');

    // Log out from the header.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('deconnexion'));
    await expect(page.getByRole('link', { name: 'Se connecter' }).first().isVisible()).resolves.toBe(true);

    // A wrong password gets the French error near the form, with the e-mail kept.
    await page.goto(e2e.url('/connexion'));
    await e2e.checkA11y(page, 'login');
    await page.getByLabel('Adresse e-mail').fill(`camille.${unique}@example.fr`);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Adresse e-mail ou mot de passe incorrect.');
    await expect(page.getByLabel('Adresse e-mail').inputValue()).resolves.toBe(`camille.${unique}@example.fr`);
    await e2e.checkA11y(page, 'login with error');
    await e2e.screenshot(page, 'connexion-erreur');

    // The right password logs in.
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/compte');
    await expect(page.getByRole('link', { name: 'Camille Test' }).count()).resolves.toBe(1);

    // The Essonne, then one of its communes.
    await page.goto(e2e.url('/territoires/91'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Essonne');
    await e2e.checkA11y(page, 'Essonne');
    await e2e.screenshot(page, 'essonne');
    await page.getByRole('table', { name: 'Communes membres' }).getByRole('link', { name: 'Étampes', exact: true }).click();
    await page.waitForURL('**/territoires/91223');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Étampes');
    // Population formatted the French way (narrow no-break space between thousands).
    await expect(
      page
        .getByText(/\d{1,3}[\u202f\u00a0 ]\d{3} habitants/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page
        .getByRole('link', { name: /Essonne/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await e2e.checkA11y(page, 'commune');
    await e2e.screenshot(page, 'commune');

    // Log out again.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByRole('link', { name: 'Camille Test' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('lists territories (Essonne by default) and switches to English', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/territoires'));
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /territoire/ })
        .textContent(),
    ).resolves.toMatch(/^\d[\d\u202f]* territoires?$/);
    await e2e.checkA11y(page, 'territories');
    await page.getByLabel('Nom ou code').fill('evry');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: 'Évry-Courcouronnes' }).waitFor();
    await e2e.screenshot(page, 'territoires-recherche');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Projects' }).count()).resolves.toBe(1);
    await e2e.checkA11y(page, 'territories (en)');
    await page.context().close();
  });

  it('registers without JavaScript by typing the INSEE code; a bad code gets a French error', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto(e2e.url('/inscription'));
    await page.getByLabel('Nom affiché').fill('Dominique SansJS');
    await page.getByLabel('Adresse e-mail').fill(`sansjs.${unique}@example.fr`);
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByLabel(/Votre collectivité/).fill('99999');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Territoire inconnu');
    // Everything typed but the password is still there.
    await expect(page.getByLabel('Nom affiché').inputValue()).resolves.toBe('Dominique SansJS');
    await expect(page.getByLabel(/Votre collectivité/).inputValue()).resolves.toBe('99999');
    await e2e.screenshot(page, 'inscription-sans-js-erreur');

    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByLabel(/Votre collectivité/).fill('91223');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL('**/inscription/verifiez');
    await expect(page.locator('main').textContent()).resolves.toContain(`sansjs.${unique}@example.fr`);
    // Sending the link again is a plain form too.
    await page.getByRole('button', { name: 'Renvoyer le lien de confirmation' }).click();
    await page.getByRole('status').filter({ hasText: 'Un nouveau lien de confirmation vient de partir' }).waitFor();
    await page.getByRole('link', { name: 'Continuer vers mon compte' }).click();
    await page.waitForURL('**/compte?bienvenue=1');
    await expect(page.getByRole('link', { name: 'Étampes' }).count()).resolves.toBe(1);
    await page.context().close();
  });
});
