import { describeE2E, startE2E, type E2E } from './harness';

/**
 * Trust: a newcomer who says she works for Étampes gets nothing for Étampes until a manager of
 * Étampes approves her; then she edits Étampes' sheet. Also: the login page never sends anyone
 * to another site, however `?retour=` is written.
 */
describeE2E('trust', () => {
  let e2e: E2E;
  let sheetSlug: string;

  beforeAll(async () => {
    e2e = await startE2E('trust');
    const { data } = await e2e.graphql(`{ projects(filter: { territoryCode: "91223" }, first: 1) { edges { node { slug } } } }`);
    sheetSlug = data.projects.edges[0].node.slug;
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('a newcomer requests Étampes, a manager approves, the newcomer edits', async () => {
    const newcomer = await e2e.newPage();
    const email = `nouvelle.${Date.now()}@example.org`;
    await newcomer.goto(e2e.url('/inscription'));
    await newcomer.getByLabel('Nom affiché').fill('Nadia Nouvelle');
    await newcomer.getByLabel('Adresse e-mail').fill(email);
    await newcomer.getByLabel('Mot de passe').fill('un mot de passe bien long 2026');
    await newcomer.getByLabel(/Votre collectivité/).fill('91223');
    await Promise.all([newcomer.waitForURL(/\/inscription\/verifiez/), newcomer.getByRole('button', { name: 'Créer mon compte' }).click()]);
    await Promise.all([newcomer.waitForURL(/\/compte/), newcomer.getByRole('link', { name: 'Continuer vers mon compte' }).click()]);
    await newcomer.getByText('En attente de vérification').waitFor();
    await e2e.checkA11y(newcomer, 'compte-en-attente');
    await e2e.screenshot(newcomer, 'compte-en-attente');

    await newcomer.goto(e2e.url(`/projets/${sheetSlug}`));
    await newcomer.getByRole('heading', { level: 1 }).waitFor();
    await expect(newcomer.getByRole('link', { name: 'Modifier la fiche' }).count()).resolves.toBe(0);

    // The manager of Étampes sees the request in the header and approves it.
    const manager = await e2e.newPage();
    await e2e.login(manager, 'agent');
    await manager.goto(e2e.url('/'));
    const requests = manager.getByTestId('membership-requests');
    await requests.waitFor();
    await expect(requests.textContent()).resolves.toMatch(/Demandes \(\d+\)/);
    await Promise.all([manager.waitForURL(/\/compte\/demandes/), requests.click()]);
    const request = manager.locator('li.card').filter({ hasText: 'Nadia Nouvelle' });
    await request.waitFor();
    await e2e.checkA11y(manager, 'demandes');
    await e2e.screenshot(manager, 'demandes');
    await request.getByRole('button', { name: 'Accepter' }).click();
    await manager.getByText('Demande acceptée.').waitFor();

    // Verified now: the newcomer sees it on her account and edits the sheet.
    await newcomer.goto(e2e.url('/compte'));
    await newcomer.getByText('Vérifiée', { exact: true }).waitFor();
    await newcomer.goto(e2e.url(`/projets/${sheetSlug}`));
    await Promise.all([newcomer.waitForURL(`**/projets/${sheetSlug}/modifier`), newcomer.getByRole('link', { name: 'Modifier la fiche' }).click()]);
    const summary = 'Résumé revu par Nadia, agente d’Étampes vérifiée.';
    await newcomer.getByLabel('Résumé', { exact: true }).fill(summary);
    await newcomer.getByLabel('Résumé de la modification').fill('Relecture');
    await Promise.all([
      newcomer.waitForURL((url) => url.pathname === `/projets/${sheetSlug}`),
      newcomer.getByRole('button', { name: 'Enregistrer', exact: true }).click(),
    ]);
    await expect(newcomer.locator('.lead').textContent()).resolves.toBe(summary);
  });

  it('never redirects to another site after login, even with a tab or a backslash in ?retour=', async () => {
    const page = await e2e.newPage();
    for (const retour of ['/\t/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/']) {
      const response = await page.request.post(e2e.url(`/connexion?retour=${encodeURIComponent(retour)}`), {
        form: { email: 'agent.etampes@essaim.demo', password: 'demo-agente-essaim' },
        headers: { origin: new URL(e2e.url('/')).origin, accept: 'text/html' },
        maxRedirects: 0,
      });
      expect([response.status(), response.status() === 303 ? '' : (await response.text()).slice(0, 300)]).toEqual([303, '']);
      const location = response.headers()['location'] ?? '';
      expect(new URL(location, e2e.url('/')).origin).toBe(new URL(e2e.url('/')).origin);
      expect(location).not.toMatch(/evil/);
    }
  });
});
