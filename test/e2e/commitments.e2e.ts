import { describeE2E, startE2E, type E2E } from './harness';

/**
 * From votes to commitments on the demo seminar of 4 July 2018 (its workshops are closed): the
 * facilitator turns a stake into a commitment carried by Évry-Courcouronnes, an agent of Évry
 * links one of Évry's sheets without JavaScript, and the public follow-up page shows it.
 */
describeE2E('commitments', () => {
  let e2e: E2E;
  let seminarId: string;
  let evrySheet: { slug: string; title: string };

  beforeAll(async () => {
    e2e = await startE2E('commitments');
    // Seminars are listed to logged-in users: ask as the demo facilitator.
    const facilitator = await e2e.newPage();
    await e2e.login(facilitator, 'facilitator');
    const answer = await facilitator.request.post(e2e.url('/graphql'), {
      headers: { 'content-type': 'application/json' },
      data: { query: `{ seminars(first: 5) { edges { node { id title } } } }` },
    });
    const edges: { node: { id: string; title: string } }[] = (await answer.json()).data.seminars.edges;
    seminarId = (edges.find((e) => /2018|Essonne/.test(e.node.title)) ?? edges[0]).node.id;
    await facilitator.context().close();
    const sheets = await e2e.graphql(`{ projects(filter: { territoryCode: "91228" }, first: 1) { edges { node { slug title } } } }`);
    evrySheet = sheets.data.projects.edges[0].node;
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('the demo follow-up tells a story: done, in progress, late, with linked sheets', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url(`/seminaires/${seminarId}/engagements`));
    await page.getByRole('heading', { level: 1, name: 'Suites données' }).waitFor();
    await expect(page.locator('.commitments > li').count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(page.getByText('Réalisé', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('En retard', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await e2e.checkA11y(page, 'engagements');
    await e2e.screenshot(page, 'engagements');
  });

  it('facilitator creates a commitment, an agent links a sheet without JavaScript, the page shows it', async () => {
    const facilitator = await e2e.newPage();
    await e2e.login(facilitator, 'facilitator');
    await facilitator.goto(e2e.url(`/seminaires/${seminarId}/engagements`));
    const before = await facilitator.locator('.commitments > li').count();
    const stake = facilitator.getByLabel('Enjeu');
    const label = ((await stake.locator('option').first().textContent()) ?? '').trim();
    const stakeText = label.replace(/^.*?\d+\.\s|^.*?\+\.\s/, '');
    await facilitator.getByLabel('Collectivité porteuse (code)').fill('91228');
    await facilitator.getByRole('button', { name: 'Créer l’engagement' }).click();
    await facilitator.getByText('Engagement créé.').waitFor();
    await expect(facilitator.locator('.commitments > li').count()).resolves.toBe(before + 1);

    const agent = await e2e.newPage({ javaScriptEnabled: false });
    await e2e.login(agent, 'member');
    await agent.goto(e2e.url(`/seminaires/${seminarId}/engagements`));
    const card = agent.locator('.commitments > li').filter({ has: agent.getByRole('heading', { name: stakeText.slice(0, 40) }) });
    await card.locator('summary', { hasText: 'Lier une fiche projet' }).click();
    await card.getByLabel(/Adresse de la fiche/).fill(`/projets/${evrySheet.slug}`);
    await Promise.all([agent.waitForLoadState('load'), card.getByRole('button', { name: 'Lier la fiche' }).click()]);
    await agent.getByText('Fiche liée.').waitFor();

    const reader = await e2e.newPage();
    await reader.goto(e2e.url(`/seminaires/${seminarId}/engagements`));
    const readerCard = reader.locator('.commitments > li').filter({ has: reader.getByRole('heading', { name: stakeText.slice(0, 40) }) });
    await readerCard.getByRole('link', { name: evrySheet.title }).waitFor();
    await e2e.checkA11y(reader, 'engagements-fiche-liee');
  });

  it('the département’s follow-up: linked from its page, year by year, late ones, blocker categories, the votes behind each', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/territoires/91'));
    await page.getByRole('link', { name: 'Voir le suivi des engagements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suivi des engagements' }).waitFor();
    const years = page.getByRole('table', { name: 'Engagements par année et par séminaire' });
    await years.getByRole('link', { name: 'Voir les engagements de 2018' }).waitFor();
    // The 2018 open-data commitment: past its target date, held back by its sheet's political blocker.
    const openData = page.locator('.commitments > li').filter({ has: page.getByRole('link', { name: 'Open data des « Balades en Essonne »' }) });
    await expect(openData.getByText('En retard', { exact: true }).count()).resolves.toBe(1);
    await openData.getByText('Portage politique', { exact: true }).waitFor();
    await openData.getByText(/^Note du séminaire : [\d,]+\/5/).waitFor();
    await openData.getByRole('link', { name: /^Séminaire du 4 juillet 2018/ }).waitFor();
    await e2e.checkA11y(page, 'engagements-territoire');
    await e2e.screenshot(page, 'engagements-territoire');

    await years.getByRole('link', { name: 'Voir les engagements de 2018' }).click();
    await page.getByRole('heading', { level: 2, name: 'Engagements des séminaires de 2018' }).waitFor();
    await expect(page.locator('.commitments > li').count()).resolves.toBeGreaterThanOrEqual(5);
    await page.goto(e2e.url('/territoires/91/engagements?annee=2019'));
    await page.getByText('Aucun engagement issu des séminaires de 2019.').waitFor();

    // A phone: nothing scrolls sideways.
    const phone = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(e2e.url('/territoires/91/engagements'));
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await phone.context().close();
  });

  it('a sheet says which commitment it answers and links to its follow-up', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/territoires/91/engagements'));
    await page.getByRole('link', { name: 'Open data des « Balades en Essonne »' }).first().click();
    const line = page.getByRole('link', { name: /^Répond à l’engagement « .+ » du séminaire du 4 juillet 2018$/ });
    await line.waitFor();
    await Promise.all([page.waitForURL(/\/seminaires\/\d+\/engagements#engagement-\d+$/), line.click()]);
    await page.getByRole('heading', { level: 1, name: 'Suites données' }).waitFor();
  });

  it('the minutes end with "Suites données": each commitment with its status and progress', async () => {
    const page = await e2e.newPage();
    const html = await (await page.request.get(e2e.url(`/seminaires/${seminarId}/compte-rendu?format=html`))).text();
    expect(html).toContain('<h2>Suites données</h2>');
    expect(html).toMatch(/<td>réalisé<\/td><td class="score">100 %<\/td>/);
    expect(html).toMatch(/<td>à lancer \(en retard\)<\/td>/);
    const markdown = await (await page.request.get(e2e.url(`/seminaires/${seminarId}/compte-rendu?format=markdown`))).text();
    expect(markdown).toContain('## Suites données');
    expect(markdown).toContain('| Engagement | Statut | Avancement | Porteur | Échéance |');
  });

  // Évry carries the commitment the facilitator created in the second test.
  it('a verified member of the lead territory adds a milestone and ticks it, without JavaScript', async () => {
    const reader = await e2e.newPage();
    await reader.goto(e2e.url('/territoires/91228/engagements'));
    await expect(reader.getByRole('button', { name: 'Ajouter le jalon' }).count()).resolves.toBe(0);
    await reader.context().close();

    const agent = await e2e.newPage({ javaScriptEnabled: false });
    await e2e.login(agent, 'member');
    await agent.goto(e2e.url('/territoires/91228/engagements'));
    const card = agent.locator('.commitments > li').first();
    await card.locator('summary', { hasText: 'Ajouter un jalon' }).click();
    await card.getByLabel('Intitulé du jalon').fill('Délibération du conseil municipal');
    await card.getByLabel('Échéance du jalon').fill('2030-03-31');
    await Promise.all([agent.waitForLoadState('load'), card.getByRole('button', { name: 'Ajouter le jalon' }).click()]);
    await agent.getByText('Jalon ajouté.').waitFor();
    const milestone = agent.locator('.milestones > li').filter({ hasText: 'Délibération du conseil municipal' });
    await milestone.getByText(/31 mars 2030/).waitFor();
    await Promise.all([agent.waitForLoadState('load'), milestone.getByRole('button', { name: /^Marquer comme fait/ }).click()]);
    await agent.getByText('Jalon mis à jour.').waitFor();
    await milestone.getByText('✓ fait').waitFor();
    await milestone.getByRole('button', { name: /^Marquer comme à faire/ }).waitFor();
    await agent.context().close();

    // axe runs in the page's own JavaScript: check the editor's view with scripts on, forms open.
    const editor = await e2e.newPage();
    await e2e.login(editor, 'member');
    await editor.goto(e2e.url('/territoires/91228/engagements'));
    for (const summary of await editor.locator('.commitments summary').all()) await summary.click();
    await editor.locator('.milestones > li').filter({ hasText: 'Délibération du conseil municipal' }).waitFor();
    await e2e.checkA11y(editor, 'engagements-jalon');
    await e2e.screenshot(editor, 'engagements-jalon');
  });
});
