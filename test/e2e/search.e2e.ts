import { describeE2E, startE2E, type E2E } from './harness';

const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id slug } }`;

describeE2E('search', () => {
  let e2e: E2E;
  let slug: string;

  beforeAll(async () => {
    e2e = await startE2E('search');
    // A sheet saved through the API by the Étampes agent, then found without accents from the header.
    const page = await e2e.newPage();
    await e2e.login(page, 'agent');
    const response = await page.request.post(e2e.url('/graphql'), {
      headers: { 'content-type': 'application/json' },
      data: {
        query: CREATE_PROJECT,
        variables: {
          input: {
            title: 'Télémédecine en maison de santé',
            summary: 'Des consultations à distance avec une infirmière présente.',
            body: 'La commune a équipé la maison de santé pour la télémédecine.',
            themes: ['HEALTH_TELEMEDICINE'],
            stage: 'DEPLOYED',
            territoryCode: '91223',
          },
        },
      },
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    slug = body.data.createProject.slug;
    await page.context().close();
    // The outbox worker indexes it within a second or so; wait until this very sheet is found
    // (demo sheets about télémédecine match the query before it is indexed).
    for (let i = 0; ; i++) {
      const r = await e2e.graphql(`{ search(q: "telemedecine", types: [PROJECT], first: 50) { hits { url } } }`);
      if (r.data?.search.hits.some((hit: { url: string }) => hit.url === `/projets/${slug}`)) break;
      if (i >= 300) throw new Error(`the new sheet /projets/${slug} was not searchable after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('suggests "Télémédecine" from the header while typing "telemedecine", chosen with the keyboard', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/'));
    const box = page.getByRole('combobox', { name: 'Rechercher dans Essaim' });
    await box.click();
    await box.pressSequentially('telemedecine', { delay: 30 });
    const option = page.getByRole('option', { name: /Télémédecine en maison de santé/ });
    await option.waitFor();
    await e2e.screenshot(page, 'suggestions');
    await e2e.checkA11y(page, 'header suggestions');
    await box.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('#header-search-q')?.getAttribute('aria-activedescendant') === 'header-search-option-0');
    const first = await page.locator('#header-search-option-0').textContent();
    expect(first).toContain('Télémédecine en maison de santé');
    await Promise.all([page.waitForURL(`**/projets/${slug}`), box.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Télémédecine en maison de santé');
  });

  it('shows results, highlighted snippets and facets without JavaScript', async () => {
    const step = (s: string) => process.env.E2E_DEBUG && console.log(`search e2e: ${s}`);
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto(e2e.url('/'));
    await page.getByRole('searchbox', { name: 'Rechercher dans Essaim' }).fill('telemedecine');
    await Promise.all([page.waitForURL(/\/recherche\?q=telemedecine/), page.getByRole('button', { name: 'Rechercher', exact: true }).first().click()]);
    step('results');
    const result = page.getByRole('link', { name: 'Télémédecine en maison de santé' });
    await result.waitFor();
    expect(await page.locator('.snippet mark').count()).toBeGreaterThan(0);
    step('facets');
    // Facets are links: filter on projects only.
    await Promise.all([
      page.waitForURL(/type=PROJECT/),
      page
        .getByRole('navigation', { name: 'Affiner' })
        .getByRole('link', { name: /^Projet/ })
        .click(),
    ]);
    await page.getByRole('link', { name: 'Télémédecine en maison de santé' }).waitFor();
    await e2e.screenshot(page, 'resultats');

    step('empty');
    await page.goto(e2e.url('/recherche?q=zzqxwv'));
    await page.getByRole('heading', { name: 'Aucun résultat' }).waitFor();
    await page.getByText(/0 résultat\(s\) pour « zzqxwv »/).waitFor();
  });

  it('passes axe checks on the results page (with JavaScript)', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/recherche?q=teletravial&type=PROJECT'));
    await page.getByRole('navigation', { name: 'Affiner' }).waitFor();
    await e2e.checkA11y(page, 'results page');
  });
});
