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
});
