import { describeE2E, startE2E, type E2E } from './harness';

/**
 * Persona 2 — an elected official of Évry-Courcouronnes (the demo account of that commune;
 * the demo has no separate "élu" role): compares the commune with the other communes of its
 * EPCI, spots an indicator where it lags, checks in the chart's table that a peer ranks better
 * and opens that peer's project. A screenshot per step.
 */
describeE2E('persona-elu', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('persona-elu');
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('compares Évry-Courcouronnes with its EPCI and opens a better-ranked peer’s project', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'member');
    await page.goto(e2e.url('/'));
    await e2e.screenshot(page, 'accueil');

    // 1. The comparison opens on the account's commune, against the other communes of its EPCI.
    await Promise.all([
      page.waitForURL('**/comparer'),
      page
        .getByRole('navigation')
        .getByRole('link', { name: /^Compar/ })
        .first()
        .click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Comparer les territoires' }).waitFor();
    await expect(page.getByLabel('Comparer avec').inputValue()).resolves.toBe('SAME_EPCI');
    const summary = page.getByRole('status').filter({ hasText: 'Évry-Courcouronnes comparé·e à' });
    await expect(summary.textContent()).resolves.toMatch(/Autres communes de CA Grand Paris Sud/);
    await page.getByText('Voir les territoires de comparaison').click();
    await e2e.screenshot(page, 'comparaison-epci');

    // 2. An indicator where the commune lags, with what the better-ranked peers did.
    const table = page.getByRole('table', { name: /^Indicateurs \d{4}$/ });
    const lagging = table
      .locator('tbody tr')
      .filter({ hasText: 'En retard' })
      .filter({ has: page.locator('a[href^="/projets/"]') })
      .first();
    await lagging.waitFor();
    const header = ((await lagging.getByRole('rowheader').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const indicators = await page
      .getByLabel('Indicateur des graphiques')
      .locator('option')
      .evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent?.trim() ?? '' })));
    const indicator = indicators.filter((o) => header.startsWith(o.label)).sort((a, b) => b.label.length - a.label.length)[0];
    expect(indicator).toBeDefined();
    const entry = lagging
      .locator('li')
      .filter({ has: page.locator('a[href^="/projets/"]') })
      .first();
    const link = entry.locator('a[href^="/projets/"]');
    const projectTitle = ((await link.textContent()) ?? '').trim();
    const item = ((await entry.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const peer = item.slice(item.lastIndexOf('—') + 1).trim();
    expect(peer.length).toBeGreaterThan(0);
    await lagging.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'indicateur-en-retard');

    // 3. The chart of that indicator and its table: the peer ranks above the commune.
    await page.getByLabel('Indicateur des graphiques').selectOption(indicator.value);
    const show = page.getByRole('button', { name: 'Afficher' });
    if (await show.isVisible()) await show.click();
    const ranking = page.getByRole('table', { name: `${indicator.label} : le territoire et ses pairs` });
    await ranking.waitFor();
    const rows = await ranking
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
    const rankOf = (name: string) => {
      const row = rows.find((cells) => cells.includes(name));
      return row ? Number(row[0]) : NaN;
    };
    expect({ peer, better: rankOf(peer) < rankOf('Évry-Courcouronnes') }).toEqual({ peer, better: true });
    await ranking.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'classement');

    // 4. Open the peer's project.
    await Promise.all([page.waitForURL(/\/projets\/[^/]+$/), link.click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(projectTitle);
    await expect(page.locator('.facts').textContent()).resolves.toContain(peer);
    await e2e.screenshot(page, 'projet-du-pair');
  });
});
