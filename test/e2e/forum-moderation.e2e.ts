import type { Page } from 'playwright-core';
import { DEMO, describeE2E, startE2E, type E2E } from './harness';

/**
 * The forum's edit and moderation screens: a member edits their post (with JavaScript, then
 * without it across a conflict with a moderator's edit, merging instead of losing their text),
 * another member reports posts, the moderator reaches the queue from the header's link (with the
 * number of open flags), handles it (hides one with a reason, dismisses another) and finds every
 * action in the moderation log.
 */
describeE2E('forum-moderation', () => {
  let e2e: E2E;
  let threadId = '';
  let answerId = '';
  let otherId = '';
  const threadUrl = () => e2e.url(`/forum/sujet/${threadId}`);
  const editBody = (page: Page) => page.getByLabel('Message (Markdown)', { exact: true });
  const save = (page: Page) => page.getByRole('button', { name: 'Enregistrer la modification' }).click();
  /** The end of the conflict's "Version actuelle (révision n, enregistrée par …)" heading. */
  const currentHeading = async (page: Page) =>
    (
      await page
        .locator('.conflict')
        .getByRole('heading', { name: /^Version actuelle \(révision \d+, / })
        .textContent()
    )?.replace(/^.*?, /, '');

  beforeAll(async () => {
    e2e = await startE2E('forum-moderation');
    // The demo question on FranceConnect: Étienne's accepted answer and Fanny's reply.
    const list = await e2e.graphql(`{ forumThreads(first: 20) { edges { node { id title } } } }`);
    expect(list.errors).toBeUndefined();
    const thread = list.data.forumThreads.edges
      .map((e: { node: { id: string; title: string } }) => e.node)
      .find((t: { title: string }) => t.title.startsWith('FranceConnect sans développeur'));
    expect(thread).toBeTruthy();
    threadId = thread.id;
    const detail = await e2e.graphql(`query ($id: ID!) { thread(id: $id) { posts(first: 10) { edges { node { id author { displayName } } } } } }`, {
      id: threadId,
    });
    expect(detail.errors).toBeUndefined();
    type Post = { id: string; author: { displayName: string } | null };
    const posts: Post[] = detail.data.thread.posts.edges.map((e: { node: Post }) => e.node);
    answerId = posts.find((p) => p.author?.displayName === DEMO.member.displayName)!.id;
    otherId = posts.find((p) => p.author?.displayName === DEMO.facilitator.displayName)!.id;
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('edits one’s own post inline and shows “modifié” with the date', async () => {
    const member = await e2e.newPage();
    await e2e.login(member, 'member');
    await member.goto(threadUrl());
    const post = member.locator(`#message-${answerId}`);
    // Only the author's post has the button (and not Fanny's).
    expect(await member.locator(`#message-${otherId}`).getByRole('link', { name: 'Modifier', exact: true }).count()).toBe(0);
    await post.getByRole('link', { name: 'Modifier', exact: true }).click();
    await member.waitForURL(/modifier=/);
    await post.getByRole('heading', { name: 'Modifier le message' }).waitFor();
    expect(await editBody(member).inputValue()).toContain('Nous sommes passés par **notre éditeur**');
    await e2e.checkA11y(member, 'edit-form');
    await editBody(member).fill('Nous sommes passés par **notre éditeur**, en trois mois habilitation comprise.');
    await save(member);
    await member.getByText('Votre modification est enregistrée.').waitFor();
    expect(await post.locator('.body strong').textContent()).toBe('notre éditeur');
    expect(await post.locator('.body').textContent()).toContain('en trois mois habilitation comprise');
    expect(await post.locator('time.edited').textContent()).toMatch(/^modifié le \d{1,2} \S+ \d{4}$/);
    await e2e.checkA11y(member, 'thread-after-edit');
    await e2e.screenshot(member, 'message-modifie');
  });

  it('keeps the member’s text on a conflict (without JavaScript) and lets them merge', async () => {
    const member = await e2e.newPage({ javaScriptEnabled: false });
    await e2e.login(member, 'member');
    await member.goto(threadUrl());
    await member.locator(`#message-${answerId}`).getByRole('link', { name: 'Modifier', exact: true }).click();
    await member.waitForURL(/modifier=/);

    // Meanwhile the moderator edits the same post (the API allows it; it is logged).
    const moderator = await e2e.newPage();
    await e2e.login(moderator, 'moderator');
    await moderator.goto(threadUrl());
    await moderator.locator(`#message-${answerId}`).getByRole('link', { name: 'Modifier', exact: true }).click();
    await moderator.waitForURL(/modifier=/);
    await moderator.getByText('Vous modifiez le message de quelqu’un d’autre').waitFor();
    await editBody(moderator).fill('Version de la modération : passez par votre éditeur.');
    await save(moderator);
    await moderator.getByText('Votre modification est enregistrée.').waitFor();

    // The member saves from the older revision: nothing is overwritten, nothing is lost.
    await editBody(member).fill('Mon texte à ne pas perdre.');
    await save(member);
    await member.getByRole('heading', { name: 'Ce message a été modifié entre-temps' }).waitFor();
    expect(await editBody(member).inputValue()).toBe('Mon texte à ne pas perdre.');
    expect(await member.locator('.conflict pre.yours').textContent()).toBe('Mon texte à ne pas perdre.');
    expect(await member.locator('.conflict pre.current').textContent()).toBe('Version de la modération : passez par votre éditeur.');
    // The API sent the current version with the CONFLICT, with who saved it.
    expect(await currentHeading(member)).toBe(`enregistrée par ${DEMO.moderator.displayName})`);
    // The JavaScript-only merge helper is absent here (and axe needs JavaScript: see the next test).
    expect(await member.getByRole('button', { name: /Ajouter la version actuelle/ }).count()).toBe(0);
    await e2e.screenshot(member, 'conflit-sans-javascript');

    await editBody(member).fill('Mon texte à ne pas perdre.\n\nVersion de la modération : passez par votre éditeur.');
    await save(member);
    await member.waitForURL(/ok=edited/);
    const body = await member.locator(`#message-${answerId} .body`).textContent();
    expect(body).toContain('Mon texte à ne pas perdre.');
    expect(body).toContain('Version de la modération');
  });

  it('handles a conflict between two tabs with JavaScript, with the merge helper', async () => {
    const first = await e2e.newPage();
    const second = await e2e.newPage();
    await e2e.login(first, 'member');
    await e2e.login(second, 'member');
    for (const page of [first, second]) {
      await page.goto(threadUrl());
      await page.locator(`#message-${answerId}`).getByRole('link', { name: 'Modifier', exact: true }).click();
      await page.waitForURL(/modifier=/);
      await editBody(page).waitFor();
    }
    await editBody(second).fill('Texte enregistré dans l’autre onglet.');
    await save(second);
    await second.getByText('Votre modification est enregistrée.').waitFor();

    await editBody(first).fill('Texte du premier onglet.');
    await save(first);
    await first.getByRole('heading', { name: 'Ce message a été modifié entre-temps' }).waitFor();
    expect(await editBody(first).inputValue()).toBe('Texte du premier onglet.');
    expect(await first.locator('.conflict pre.current').textContent()).toBe('Texte enregistré dans l’autre onglet.');
    expect(await currentHeading(first)).toBe(`enregistrée par ${DEMO.member.displayName})`);
    await e2e.checkA11y(first, 'conflict');
    await e2e.screenshot(first, 'conflit');

    await first.getByRole('button', { name: 'Ajouter la version actuelle à la fin de mon texte' }).click();
    expect(await editBody(first).inputValue()).toBe('Texte du premier onglet.\n\nTexte enregistré dans l’autre onglet.');
    await save(first);
    await first.getByText('Votre modification est enregistrée.').waitFor();
    const body = await first.locator(`#message-${answerId} .body`).textContent();
    expect(body).toContain('Texte du premier onglet.');
    expect(body).toContain('Texte enregistré dans l’autre onglet.');
  });

  it('reports posts; the moderator hides one from the queue, dismisses the other, and finds both in the log', async () => {
    // Élodie reports two posts.
    const agent = await e2e.newPage();
    await e2e.login(agent, 'agent');
    for (const [id, reason] of [
      [answerId, 'Propos hors sujet (e2e)'],
      [otherId, 'Doublon, à vérifier (e2e)'],
    ]) {
      await agent.goto(threadUrl());
      const post = agent.locator(`#message-${id}`);
      await post.locator('summary', { hasText: 'Signaler' }).click();
      await post.getByLabel('Motif du signalement').fill(reason);
      await post.getByRole('button', { name: 'Signaler', exact: true }).click();
      await agent.getByText('Merci : votre signalement est transmis à la modération.').waitFor();
    }

    // A member is refused the moderation pages with a clear message.
    const refused = await agent.goto(e2e.url('/forum/moderation'));
    expect(refused?.status()).toBe(403);
    await agent.getByText('Cette page est réservée à la modération').waitFor();
    expect((await agent.goto(e2e.url('/forum/moderation/journal')))?.status()).toBe(403);

    // Members have no moderation link in the header.
    await agent.goto(e2e.url('/forum'));
    expect(
      await agent
        .getByRole('banner')
        .getByRole('link', { name: /^Modération/ })
        .count(),
    ).toBe(0);

    // The moderator's header links to the queue with the number of open flags, reachable by keyboard.
    const moderator = await e2e.newPage();
    await e2e.login(moderator, 'moderator');
    await moderator.goto(e2e.url('/'));
    const headerLink = moderator.getByRole('banner').getByRole('link', { name: 'Modération (2 signalements à traiter)' });
    await headerLink.waitFor();
    expect(await moderator.getByRole('banner').getByTestId('open-flag-count').textContent()).toBe('2');
    await e2e.checkA11y(moderator, 'header-moderation-link');
    await headerLink.focus();
    await moderator.keyboard.press('Enter');
    await moderator.waitForURL(/\/forum\/moderation$/);
    await moderator.getByRole('heading', { level: 1, name: 'Signalements à traiter' }).waitFor();

    // The forum home links to the queue too.
    await moderator.goto(e2e.url('/forum'));
    await moderator.getByRole('link', { name: 'Signalements à traiter (2)' }).click();
    await moderator.waitForURL(/\/forum\/moderation$/);
    await moderator.getByRole('heading', { level: 1, name: 'Signalements à traiter' }).waitFor();
    const answerCard = moderator.locator('article', { hasText: 'Propos hors sujet (e2e)' });
    const otherCard = moderator.locator('article', { hasText: 'Doublon, à vérifier (e2e)' });
    await answerCard.getByRole('heading', { name: `Message de ${DEMO.member.displayName}` }).waitFor();
    expect(await answerCard.textContent()).toContain(`signalé par ${DEMO.agent.displayName}`);
    await answerCard.getByRole('link', { name: /FranceConnect sans développeur/ }).waitFor();
    await e2e.checkA11y(moderator, 'flag-queue');
    await e2e.screenshot(moderator, 'file-des-signalements');

    await otherCard.getByRole('button', { name: 'Classer sans suite' }).click();
    await moderator.getByText('Les signalements du message sont classés sans suite.').waitFor();
    await answerCard.getByLabel('Motif du masquage (affiché à la place du message)').fill('Hors sujet : restons sur FranceConnect.');
    await answerCard.getByRole('button', { name: 'Masquer le message' }).click();
    await moderator.getByText('Le message est masqué et ses signalements sont traités.').waitFor();
    await moderator.getByText('Aucun signalement en attente. Merci !').waitFor();
    // Nothing left to review: the header's link stays, without a count.
    await moderator.getByRole('banner').getByRole('link', { name: 'Modération', exact: true }).waitFor();

    // Handled reports stay visible under "Tous".
    await moderator.getByRole('link', { name: 'Tous (y compris traités)' }).click();
    await moderator.waitForURL(/statut=tous/);
    await moderator.locator('article', { hasText: 'Propos hors sujet (e2e)' }).getByText('Message masqué', { exact: true }).waitFor();
    await moderator.locator('article', { hasText: 'Doublon, à vérifier (e2e)' }).getByText('Classé sans suite', { exact: true }).waitFor();
    await e2e.checkA11y(moderator, 'flag-queue-all');

    // The log lists the hide with its reason, the dismissal and the moderator's edit of the member's post.
    await moderator.getByRole('link', { name: 'Journal de modération', exact: true }).click();
    await moderator.waitForURL(/\/forum\/moderation\/journal$/);
    await moderator.getByRole('heading', { level: 1, name: 'Journal de modération' }).waitFor();
    const rows = moderator.getByRole('row');
    await rows
      .filter({ hasText: 'Message masqué' })
      .filter({ hasText: 'Hors sujet : restons sur FranceConnect.' })
      .filter({ hasText: DEMO.moderator.displayName })
      .waitFor();
    await rows.filter({ hasText: 'Signalements classés sans suite' }).waitFor();
    await rows.filter({ hasText: 'Message d’un membre modifié' }).waitFor();
    await e2e.checkA11y(moderator, 'moderation-log');
    await e2e.screenshot(moderator, 'journal-de-moderation');

    // The same log, in English, for this thread only.
    const english = await e2e.newPage({ lang: 'en' });
    await e2e.login(english, 'moderator');
    await english.goto(e2e.url(`/forum/moderation/journal?sujet=${threadId}`));
    await english.getByRole('heading', { level: 1, name: /^Moderation log of the thread/ }).waitFor();
    await english.getByRole('row').filter({ hasText: 'Post hidden' }).waitFor();
    await e2e.checkA11y(english, 'moderation-log-en');

    // Everyone else now reads the moderation notice instead of the post.
    await agent.goto(threadUrl());
    expect(await agent.locator(`#message-${answerId} .body`).textContent()).toContain(
      'Message masqué par la modération : Hors sujet : restons sur FranceConnect.',
    );
  });
});
