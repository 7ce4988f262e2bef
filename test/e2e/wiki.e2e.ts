import type { Page } from 'playwright-core';
import { describeE2E, startE2E, type E2E } from './harness';

/** The wiki in Chromium: create, edit, history and diff, replicate, follow a sheet, and XSS rendered inert. */
describeE2E('wiki', () => {
  let e2e: E2E;
  let slug = '';
  beforeAll(async () => {
    e2e = await startE2E('wiki', { env: { RATE_LIMIT_LOGIN_PER_15_MIN: '1000' } });
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  async function createSheet(page: Page, title: string, body: string): Promise<string> {
    await page.goto(e2e.url('/projets/nouveau'));
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel('Résumé', { exact: true }).fill('Une cabine de téléconsultation contre le désert médical.');
    await page.getByLabel('Description (Markdown)').fill(body);
    await page.getByLabel('Santé & télémédecine').check();
    await page.getByLabel('Étape', { exact: true }).selectOption('IN_PROGRESS');
    await page.getByLabel('Budget total en euros').fill('66919');
    await page.getByRole('button', { name: 'Publier la fiche' }).click();
    await page.waitForURL((url) => /^\/projets\/[a-z0-9-]+$/.test(url.pathname) && !url.pathname.endsWith('/nouveau'));
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  it('creates a sheet with a live preview', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'member');
    await page.goto(e2e.url('/projets/nouveau'));
    await e2e.checkA11y(page);
    await page.getByLabel('Description (Markdown)').fill('Le projet relie **trois** médecins.');
    await page.locator('.rendered strong', { hasText: 'trois' }).waitFor();
    slug = await createSheet(page, 'Téléconsultation journée e2e', 'Le projet relie **trois** médecins de la commune.');
    expect(slug).toBe('teleconsultation-journee-e2e-evry-courcouronnes');
    await page.getByRole('heading', { level: 1, name: 'Téléconsultation journée e2e' }).waitFor();
    expect(await page.locator('.body strong').textContent()).toBe('trois');
    await e2e.checkA11y(page);
    await e2e.screenshot(page, 'fiche-creee');
  });

  it('edits the sheet and shows the history with a word diff', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'member');
    await page.goto(e2e.url(`/projets/${slug}`));
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    await page.waitForURL(/\/modifier$/);
    await page.getByLabel('Description (Markdown)').fill('Le projet relie **cinq** médecins de la commune.');
    await page.getByLabel('Résumé de la modification').fill('Deux médecins de plus');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(new RegExp(`/projets/${slug}$`));
    expect(await page.locator('.body strong').textContent()).toBe('cinq');

    await page.getByRole('link', { name: /Historique/ }).click();
    await page.waitForURL(/historique/);
    await page.getByRole('heading', { name: 'Différences entre les révisions 1 et 2' }).waitFor();
    const removed = await page.locator('.diff del').allTextContents();
    const added = await page.locator('.diff ins').allTextContents();
    expect(removed).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(removed[0]).toMatch(/^\[suppression :\s?−trois\]$/);
    expect(added[0]).toMatch(/^\[ajout :\s?\+cinq\]$/);
    await page.getByRole('cell', { name: 'Deux médecins de plus' }).waitFor();
    await e2e.checkA11y(page);
    await e2e.screenshot(page, 'historique-diff');
  });

  it('shows a conflict beside the user’s text instead of overwriting', async () => {
    const first = await e2e.newPage();
    const second = await e2e.newPage();
    await e2e.login(first, 'member');
    await e2e.login(second, 'moderator');
    await first.goto(e2e.url(`/projets/${slug}/modifier`));
    await second.goto(e2e.url(`/projets/${slug}/modifier`));
    await second.getByLabel('Description (Markdown)').fill('Version de la modération.');
    await second.getByRole('button', { name: 'Enregistrer' }).click();
    await second.waitForURL(new RegExp(`/projets/${slug}$`));

    await first.getByLabel('Description (Markdown)').fill('Mon texte à ne pas perdre.');
    await first.getByRole('button', { name: 'Enregistrer' }).click();
    await first.getByRole('heading', { name: 'Quelqu’un a enregistré une autre version' }).waitFor();
    expect(await first.getByLabel('Description (Markdown)').inputValue()).toBe('Mon texte à ne pas perdre.');
    expect(await first.locator('.conflict pre').allTextContents()).toEqual(expect.arrayContaining(['Mon texte à ne pas perdre.', 'Version de la modération.']));
    await e2e.checkA11y(first);
    await e2e.screenshot(first, 'conflit');
  });

  it('replicates the sheet for another collectivité as a draft, published on confirmation, then linked on both sides', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'agent');
    await page.goto(e2e.url(`/projets/${slug}`));
    await page.getByRole('button', { name: 'Répliquer pour ma collectivité' }).click();
    await page.waitForURL(/\/projets\/teleconsultation-journee-e2e-etampes$/);
    await page.getByRole('link', { name: /Répliqué depuis « Téléconsultation journée e2e » \(Évry-Courcouronnes\)/ }).waitFor();
    await page.getByRole('heading', { name: 'Brouillon à adapter' }).waitFor();
    await e2e.checkA11y(page);
    // Anyone else: the draft does not exist yet.
    const visitor = await e2e.newPage();
    expect((await visitor.goto(e2e.url('/projets/teleconsultation-journee-e2e-etampes')))?.status()).toBe(404);
    await page.getByRole('button', { name: 'Publier la fiche' }).click();
    // Same URL after the redirect: wait for the notice to go.
    await page.getByRole('heading', { name: 'Brouillon à adapter' }).waitFor({ state: 'detached' });
    expect((await visitor.goto(e2e.url('/projets/teleconsultation-journee-e2e-etampes')))?.status()).toBe(200);
    await page.goto(e2e.url(`/projets/${slug}`));
    await page.getByRole('heading', { name: 'Répliqué par 1 collectivité' }).waitFor();
    await page.getByRole('link', { name: 'Étampes', exact: true }).waitFor();
    await e2e.screenshot(page, 'replication');
  });

  it('follows a sheet from its page with the keyboard, hears about the next edit, and unfollows without JavaScript', async () => {
    const follower = await e2e.newPage();
    await e2e.login(follower, 'agent');
    await follower.goto(e2e.url(`/projets/${slug}`));
    const follow = follower.getByRole('button', { name: 'Suivre cette fiche' });
    await follow.focus();
    await follower.keyboard.press('Enter');
    const unfollow = follower.getByRole('button', { name: 'Ne plus suivre cette fiche' });
    await unfollow.waitFor();
    await follower.getByRole('status').filter({ hasText: 'Vous suivez cette fiche' }).waitFor();
    expect(await follower.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Ne plus suivre cette fiche');
    await e2e.checkA11y(follower);
    await e2e.screenshot(follower, 'fiche-suivie');

    const editor = await e2e.newPage();
    await e2e.login(editor, 'member');
    await editor.goto(e2e.url(`/projets/${slug}/modifier`));
    await editor.getByLabel('Description (Markdown)').fill('Le projet relie **six** médecins de la commune.');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await editor.waitForURL(new RegExp(`/projets/${slug}$`));

    await follower.goto(e2e.url('/notifications'));
    const notice = follower.getByRole('button', { name: /a modifié la fiche « Téléconsultation journée e2e » \(révision \d+\)\.$/ });
    await notice.click();
    await follower.waitForURL(new RegExp(`/projets/${slug}/historique\\?de=\\d+&a=\\d+$`));
    await follower.getByRole('heading', { name: /^Différences entre les révisions \d+ et \d+$/ }).waitFor();
    expect(await follower.locator('.diff ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('six')]));

    const withoutJs = await e2e.newPage({ javaScriptEnabled: false });
    await e2e.login(withoutJs, 'agent');
    await withoutJs.goto(e2e.url(`/projets/${slug}`));
    await withoutJs.getByRole('button', { name: 'Ne plus suivre cette fiche' }).click();
    await withoutJs.getByRole('button', { name: 'Suivre cette fiche' }).waitFor();
    await withoutJs.getByText('Vous ne suivez plus cette fiche.').waitFor();
  });

  it('renders script, onerror and javascript: payloads inert', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'member');
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const body = [
      '<script>alert("script")</script>',
      '<img src="/favicon.png" onerror="alert(\'onerror\')">',
      '<img src="x" onerror="alert(\'onerror2\')">',
      '[cliquez ici](javascript:alert("lien"))',
      '<a href="javascript:alert(\'a\')">autre lien</a>',
      '<iframe src="javascript:alert(\'iframe\')"></iframe>',
      '<svg onload="alert(\'svg\')"></svg>',
    ].join('\n\n');
    const xssSlug = await createSheet(page, 'Fiche piégée XSS', body);
    await page.goto(e2e.url(`/projets/${xssSlug}`));
    await page.locator('.body').waitFor();
    for (const link of await page.locator('.body a').all()) await link.click({ timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    const inert = await page.evaluate(() => {
      const root = document.querySelector('.body')!;
      const all = Array.from(root.querySelectorAll('*'));
      return {
        scripts: root.querySelectorAll('script').length,
        iframes: root.querySelectorAll('iframe').length,
        handlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length,
        jsLinks: Array.from(root.querySelectorAll('a')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      };
    });
    expect(inert).toEqual({ scripts: 0, iframes: 0, handlers: 0, jsLinks: 0 });
    await e2e.screenshot(page, 'xss-inerte');
  });
});
