import type { Page } from 'playwright-core';
import { describeE2E, startE2E, type E2E } from './harness';

const STATS = `query { blockerStats(departement: "91") { total open lifted byCategory { category open lifted } } }`;

describeE2E('blockers', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('blockers');
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  /** The summary line of the département view, e.g. "9 freins, dont 4 ouverts et 1 levé". */
  async function summary(page: Page): Promise<{ total: number; open: number; lifted: number }> {
    await page.goto(e2e.url('/freins'));
    const text =
      (await page
        .getByRole('status')
        .filter({ hasText: /freins?, dont/ })
        .textContent()) ?? '';
    const match = /(\d+) freins?, dont (\d+) ouverts? et (\d+) levés?/.exec(text.replace(/\s+/g, ' '));
    if (!match) throw new Error(`Unexpected summary: ${text}`);
    return { total: Number(match[1]), open: Number(match[2]), lifted: Number(match[3]) };
  }

  /** Lifted count of one category in the data table of the département view. */
  async function liftedInTable(page: Page, category: string): Promise<number> {
    const row = page.getByRole('table', { name: 'Freins par catégorie' }).getByRole('row', { name: new RegExp(category) });
    return Number(await row.getByRole('cell').nth(1).textContent());
  }

  it('an agent reports a blocker, finds who lifted it elsewhere, asks for help, lifts it, and the département view updates', async () => {
    // A demo project of Étampes (the agent's commune) without blockers.
    const projects = await e2e.graphql(`{ projects(filter: { territoryCode: "91223" }, first: 50) { edges { node { slug title blockers { id } } } } }`);
    const project = projects.data.projects.edges
      .map((e: { node: { slug: string; title: string; blockers: unknown[] } }) => e.node)
      .find((p: { title: string }) => /état civil/.test(p.title));
    expect(project).toBeDefined();
    expect(project.blockers).toEqual([]);
    const before = (await e2e.graphql(STATS)).data.blockerStats;

    const page = await e2e.newPage();
    await e2e.login(page, 'agent');

    // The département view before (charts with data tables, accessible).
    const initial = await summary(page);
    expect(initial).toEqual({ total: before.total, open: before.open, lifted: before.lifted });
    const liftedSkillsBefore = await liftedInTable(page, 'Compétences et RH');
    await e2e.checkA11y(page, 'departement-view');
    await e2e.screenshot(page, 'vue-departement');

    // Report from the project sheet: FranceConnect is too heavy without in-house developers.
    await page.goto(e2e.url(`/projets/${project.slug}`));
    const section = page.getByRole('region', { name: 'Freins', exact: true });
    await expect(section.textContent()).resolves.toContain('Aucun frein signalé');
    await Promise.all([page.waitForURL(/\/freins\/signaler\?projet=/), section.getByRole('link', { name: 'Signaler un frein' }).click()]);
    await e2e.checkA11y(page, 'report-form');
    await page.getByLabel('Catégorie').selectOption('SKILLS_STAFF');
    await page.getByLabel('Bloquant').check();
    await page
      .getByLabel('Description', { exact: true })
      .fill('Brancher FranceConnect sur nos demandes d’actes demande un développeur : nous n’en avons pas en interne.');
    await e2e.screenshot(page, 'signalement');
    await Promise.all([page.waitForURL(/\/freins\/\d+\?signale=1/), page.getByRole('button', { name: 'Signaler le frein' }).click()]);
    const blockerUrl = page.url().replace(/\?.*$/, '');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Compétences et RH/);

    // A suggestion from another territory: Évry-Courcouronnes lifted the same blocker.
    const suggestions = page.getByRole('region', { name: 'Qui l’a levé ailleurs ?' });
    const first = suggestions.getByRole('listitem').first();
    await expect(first.getByRole('link', { name: 'Évry-Courcouronnes' }).count()).resolves.toBe(1);
    await expect(first.textContent()).resolves.toMatch(/portail de démarches mutualisé/);
    await e2e.checkA11y(page, 'blocker-with-suggestions');
    await e2e.screenshot(page, 'suggestions');

    // A correction: the agent refines the description and lowers the severity; the timeline notes it.
    const editSection = page.getByRole('region', { name: 'Modifier', exact: true });
    // Keyboard only: the summary opens the form with Enter.
    await editSection.getByText('Modifier la catégorie, la gravité ou la description').focus();
    await page.keyboard.press('Enter');
    await editSection.getByLabel('Gênant').check();
    await editSection
      .getByLabel('Description', { exact: true })
      .fill('Brancher FranceConnect sur nos demandes d’actes d’état civil demande un développeur : nous n’en avons pas en interne.');
    await e2e.checkA11y(page, 'blocker-edit-form');
    await Promise.all([page.waitForURL(/\?modifie=1/), editSection.getByRole('button', { name: 'Enregistrer les modifications' }).click()]);
    await expect(page.getByRole('status').filter({ hasText: 'Frein modifié' }).count()).resolves.toBe(1);
    await expect(page.locator('p.description').textContent()).resolves.toMatch(/demandes d’actes d’état civil/);
    const editEntry = page.getByRole('region', { name: 'Historique' }).getByRole('listitem').last();
    await expect(editEntry.textContent()).resolves.toMatch(/Modifié[\s\S]*gravité : Bloquant → Gênant ; description corrigée/);
    // Nothing erased: the replaced text stays readable, folded, in the timeline entry.
    await editEntry.getByText('Description avant cette modification').click();
    await expect(editEntry.locator('p.previous').textContent()).resolves.toBe(
      'Brancher FranceConnect sur nos demandes d’actes demande un développeur : nous n’en avons pas en interne.',
    );
    await e2e.screenshot(page, 'frein-modifie');

    // Ask for help: the forum's new-thread form, pre-filled with the blocker; post it.
    await Promise.all([page.waitForURL(/\/forum\/nouveau\?/), page.getByRole('link', { name: 'Demander de l’aide sur le forum' }).click()]);
    await expect(page.getByLabel('Titre').inputValue()).resolves.toMatch(/Compétences et RH .* qui a une solution/);
    await expect(page.getByLabel('Premier message (Markdown)').inputValue()).resolves.toContain(blockerUrl.replace(/^https?:\/\/[^/]+/, ''));
    await e2e.screenshot(page, 'demande-aide');
    await Promise.all([page.waitForURL(/\/forum\/sujet\/\d+/), page.getByRole('button', { name: 'Publier le sujet' }).click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/qui a une solution/);

    // Later: lifted, with a resolution (a missing one is refused with the French message, nothing lost).
    await page.goto(blockerUrl);
    await page.getByLabel('Statut', { exact: true }).selectOption('LIFTED');
    await page.getByLabel('Commentaire (facultatif)').fill('Solution trouvée grâce au forum.');
    await page.getByRole('button', { name: 'Enregistrer le statut' }).click();
    await page.getByRole('alert').filter({ hasText: 'Expliquez comment' }).waitFor();
    await expect(page.getByLabel('Commentaire (facultatif)').inputValue()).resolves.toBe('Solution trouvée grâce au forum.');
    await page.getByLabel('Statut', { exact: true }).selectOption('LIFTED');
    await page
      .getByLabel('Résolution', { exact: true })
      .fill('Adhésion au portail de démarches de l’agglomération, qui intègre FranceConnect : aucun développement chez nous.');
    await Promise.all([page.waitForURL(/\?maj=1/), page.getByRole('button', { name: 'Enregistrer le statut' }).click()]);
    await expect(page.getByRole('region', { name: 'Comment il a été levé' }).textContent()).resolves.toMatch(/Adhésion au portail/);
    await expect(page.getByRole('region', { name: 'Historique' }).textContent()).resolves.toMatch(/Ouvert → Levé/);
    await e2e.checkA11y(page, 'blocker-lifted');
    await e2e.screenshot(page, 'frein-leve');

    // The project sheet shows it lifted, with its resolution.
    await page.goto(e2e.url(`/projets/${project.slug}`));
    const lifted = page.getByRole('region', { name: 'Freins', exact: true }).getByRole('listitem').first();
    await expect(lifted.textContent()).resolves.toMatch(/Levé[\s\S]*Adhésion au portail/);
    await e2e.checkA11y(page, 'project-with-blocker');
    await e2e.screenshot(page, 'fiche-projet');

    // The département view counts it: one more blocker, one more lifted, same number open.
    const after = await summary(page);
    expect(after).toEqual({ total: initial.total + 1, open: initial.open, lifted: initial.lifted + 1 });
    await expect(liftedInTable(page, 'Compétences et RH')).resolves.toBe(liftedSkillsBefore + 1);
    await e2e.screenshot(page, 'vue-departement-apres');
  });

  it('an edit from a stale page keeps the typed text and shows the version saved meanwhile, with or without JavaScript', async () => {
    const projects = await e2e.graphql(`{ projects(filter: { territoryCode: "91223" }, first: 50) { edges { node { slug } } } }`);
    const slug = projects.data.projects.edges[0].node.slug as string;
    const agent = await e2e.newPage();
    await e2e.login(agent, 'agent');
    await agent.goto(e2e.url(`/freins/signaler?projet=${slug}`));
    await agent.getByLabel('Catégorie').selectOption('FUNDING');
    await agent.getByLabel('Description', { exact: true }).fill('Le budget de maintenance n’est pas voté pour l’an prochain.');
    await Promise.all([agent.waitForURL(/\/freins\/\d+\?signale=1/), agent.getByRole('button', { name: 'Signaler le frein' }).click()]);
    const blockerUrl = agent.url().replace(/\?.*$/, '');
    const summary = 'Modifier la catégorie, la gravité ou la description';

    // The agent opens the edit form; meanwhile a colleague, without JavaScript, saves a correction.
    await agent.getByText(summary).click();
    const colleague = await e2e.newPage({ javaScriptEnabled: false });
    await e2e.login(colleague, 'agent');
    await colleague.goto(blockerUrl);
    await colleague.getByText(summary).click();
    await colleague.getByLabel('Description', { exact: true }).fill('Le budget de maintenance n’est pas voté : décision reportée au conseil de mars.');
    await Promise.all([colleague.waitForURL(/\?modifie=1/), colleague.getByRole('button', { name: 'Enregistrer les modifications' }).click()]);
    await expect(colleague.locator('p.description').textContent()).resolves.toMatch(/conseil de mars/);

    // The agent's save is refused: nothing overwritten, the typed text stays, the current version is shown.
    const typed = 'Budget de maintenance refusé, il faut trouver un cofinancement.';
    await agent.getByLabel('Catégorie').selectOption('POLITICAL_BACKING');
    await agent.getByLabel('Description', { exact: true }).fill(typed);
    await agent.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const conflict = agent.getByRole('alert').filter({ hasText: 'Ce frein a été modifié pendant que vous le corrigiez' });
    await expect(conflict.textContent()).resolves.toMatch(/Financement[\s\S]*décision reportée au conseil de mars/);
    await expect(agent.getByLabel('Description', { exact: true }).inputValue()).resolves.toBe(typed);
    await expect(agent.getByLabel('Catégorie').inputValue()).resolves.toBe('POLITICAL_BACKING');
    await expect(agent.locator('p.description').textContent()).resolves.toMatch(/conseil de mars/);
    await e2e.checkA11y(agent, 'blocker-edit-conflict');
    await e2e.screenshot(agent, 'frein-conflit');

    // Having seen the current version, saving again replaces it knowingly.
    await Promise.all([agent.waitForURL(/\?modifie=1/), agent.getByRole('button', { name: 'Enregistrer les modifications' }).click()]);
    await expect(agent.locator('p.description').textContent()).resolves.toBe(typed);
    const history = (await agent.getByRole('region', { name: 'Historique' }).textContent()) ?? '';
    expect(history.match(/Modifié/g)).toHaveLength(2);
    expect(history).toMatch(/catégorie : Financement → Portage politique ; description corrigée/);

    // The colleague's page is now stale too: without JavaScript the conflict keeps their text as well.
    await colleague.getByText(summary).click();
    await colleague.getByLabel('Description', { exact: true }).fill('Encore une précision tapée sans JavaScript.');
    await colleague.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(colleague.getByRole('alert').filter({ hasText: 'Ce frein a été modifié' }).textContent()).resolves.toMatch(
      /Portage politique[\s\S]*cofinancement/,
    );
    await expect(colleague.getByLabel('Description', { exact: true }).inputValue()).resolves.toBe('Encore une précision tapée sans JavaScript.');
  });
});
