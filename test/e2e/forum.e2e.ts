import { DEMO, describeE2E, startE2E, type E2E } from './harness';

/**
 * One user asks a question on a project's Discussion tab, another answers, the first accepts
 * the answer and the notification reaches the second one (bell and notifications page); an
 * edit of the answer that names a third person notifies her.
 */
describeE2E('forum', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('forum');
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('asks on a project Discussion, answers, accepts, and notifies the answer author', async () => {
    const result = await e2e.graphql(`{ projects(first: 50) { edges { node { slug title discussion { id } } } } }`);
    expect(result.errors).toBeUndefined();
    const project = result.data.projects.edges
      .map((e: { node: { slug: string; title: string; discussion: unknown } }) => e.node)
      .find((p: { discussion: unknown }) => !p.discussion);
    expect(project).toBeTruthy();

    // Élodie asks her question: the sheet's Discussion does not exist yet, her message creates it.
    const asker = await e2e.newPage();
    await e2e.login(asker, 'agent');
    await asker.goto(e2e.url(`/forum/projet/${project.slug}`));
    await e2e.checkA11y(asker, 'discussion-new');
    await asker.getByLabel('Titre').fill(`Question sur « ${project.title} »`.slice(0, 200));
    await asker.getByLabel('Premier message (Markdown)').fill('Combien de temps a pris le **déploiement** chez vous ?');
    await asker.getByLabel(/C’est une question/).check();
    await asker.getByRole('button', { name: 'Publier le sujet' }).click();
    await asker.waitForURL(/\/forum\/sujet\/\d+/);
    const threadUrl = asker.url().split('?')[0];
    await asker.getByText('Votre message est publié.').waitFor();
    await e2e.screenshot(asker, 'question-publiee');

    // Étienne answers from the thread page, with a preview first.
    const answerer = await e2e.newPage();
    await e2e.login(answerer, 'member');
    await answerer.goto(threadUrl);
    await e2e.checkA11y(answerer, 'thread');
    await answerer.getByLabel('Votre message (Markdown)').fill('Environ **trois mois**, habilitation comprise.');
    await answerer.getByRole('button', { name: 'Aperçu' }).click();
    await answerer.getByRole('heading', { name: 'Aperçu de votre message' }).waitFor();
    expect(await answerer.locator('.preview strong').textContent()).toBe('trois mois');
    await answerer.getByRole('button', { name: 'Publier la réponse' }).click();
    await answerer.getByText('Votre message est publié.').waitFor();

    // Élodie is notified of the reply, then accepts the answer.
    await asker.goto(threadUrl);
    await asker.getByRole('button', { name: 'Accepter cette réponse' }).click();
    await asker.getByText('Réponse acceptée', { exact: false }).first().waitFor();
    await e2e.screenshot(asker, 'reponse-acceptee');

    // Étienne sees the notification: the bell counts it and the page lists it.
    await answerer.goto(e2e.url('/'));
    await answerer.getByTestId('notification-count').waitFor();
    await answerer
      .getByRole('link', { name: /Notifications/ })
      .first()
      .click();
    await answerer.waitForURL('**/notifications');
    const notification = answerer.getByRole('button', { name: /a accepté votre réponse/ });
    await notification.waitFor();
    await e2e.checkA11y(answerer, 'notifications');
    await e2e.screenshot(answerer, 'notification');
    await notification.click();
    await answerer.waitForURL(/\/forum\/sujet\/\d+/);
    expect(answerer.url().split('?')[0].split('#')[0]).toBe(threadUrl);

    // Étienne edits his answer to name Fanny: a mention added by an edit notifies her, once.
    const answer = answerer.locator('article[id^="message-"]', { hasText: 'habilitation comprise' });
    await answer.getByRole('link', { name: 'Modifier', exact: true }).click();
    await answerer.waitForURL(/modifier=/);
    await answerer
      .getByLabel('Message (Markdown)', { exact: true })
      .fill(`Environ **trois mois**, habilitation comprise. @[${DEMO.facilitator.displayName}] pourra confirmer.`);
    await answerer.getByRole('button', { name: 'Enregistrer la modification' }).click();
    await answerer.getByText('Votre modification est enregistrée.').waitFor();
    expect(await answer.locator('.mention').textContent()).toBe(`@${DEMO.facilitator.displayName}`);
    const named = await e2e.newPage();
    await e2e.login(named, 'facilitator');
    await named.goto(e2e.url('/notifications'));
    await named.getByRole('button', { name: `${DEMO.member.displayName} vous a mentionné·e dans « Question sur` }).waitFor();
  });
});
