import { readFileSync } from 'node:fs';
import { describeE2E, startE2E, type E2E } from './harness';

describeE2E('benchmark', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('benchmark');
  });
  afterAll(async () => {
    if (process.env.ESSAIM_E2E_LOGS === '1') console.log(e2e?.logs().slice(-6000));
    await e2e?.stop();
  });

  it('an elected official compares their commune with its population band, reads a chart, exports CSV and opens a peer’s project', async () => {
    const page = await e2e.newPage();
    // The Évry-Courcouronnes demo account: the page opens on the account's commune.
    await e2e.login(page, 'member');
    await page.goto(e2e.url('/comparer'));
    await page.getByRole('heading', { level: 1, name: 'Comparer les territoires' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Évry-Courcouronnes comparé·e à' }).waitFor();
    await e2e.checkA11y(page, 'comparer (EPCI)');

    // Compare with the population band (50 000 – 99 999 inhabitants in the Essonne).
    await page.getByLabel('Comparer avec').selectOption({ label: 'Même strate de population' });
    await Promise.all([page.waitForURL(/groupe=POPULATION_BAND/), page.getByRole('button', { name: 'Comparer', exact: true }).click()]);
    const summary = page.getByRole('status').filter({ hasText: 'Évry-Courcouronnes comparé·e à 2 territoires' });
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Communes de 50 000 à 99 999 habitants (91)');
    const table = page.getByRole('table', { name: /^Indicateurs \d{4}$/ });
    await expect(table.getByRole('rowheader', { name: /Part des logiciels libres/ }).count()).resolves.toBe(1);
    await e2e.screenshot(page, 'comparaison-strate');

    // A chart and its table: the bars of one indicator for the territory and its peers.
    await page.getByLabel('Indicateur des graphiques').selectOption('PART_LOGICIELS_LIBRES');
    // The button also works before hydration (a GET form); with JavaScript the charts follow the select at once.
    await Promise.all([page.waitForURL(/indicateur=PART_LOGICIELS_LIBRES/), page.getByRole('button', { name: 'Afficher' }).click()]);
    const chart = page.getByRole('img', { name: /Graphique : Part des logiciels libres : le territoire et ses pairs/ });
    await chart.waitFor();
    await expect(chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).resolves.toBe(true);
    const chartTable = page.getByRole('table', { name: 'Part des logiciels libres : le territoire et ses pairs' });
    const chartRows = chartTable.locator('tbody tr');
    await expect(chartRows.count()).resolves.toBe(3);
    const names = await chartTable.getByRole('rowheader').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(['Corbeil-Essonnes', 'Massy', 'Évry-Courcouronnes'].sort());
    await expect(page.getByRole('img', { name: /Maturité numérique par thème/ }).count()).resolves.toBe(1);
    await e2e.checkA11y(page, 'comparer (strate)');
    await e2e.screenshot(page, 'graphiques');

    // CSV export of the same comparison.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger la comparaison (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^comparaison-91228-\d{4}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^annee,territoire,territoire_nom,groupe_pairs/);
    expect(lines.some((l) => l.includes(',91228,Évry-Courcouronnes,POPULATION_BAND,2,PART_LOGICIELS_LIBRES,'))).toBe(true);

    // "Ce qu'ont fait les mieux classés": the demo story has Évry behind Massy on open source.
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Part des logiciels libres/ }) });
    await expect(row.textContent()).resolves.toContain('En retard');
    const link = row.getByRole('link', { name: 'Passage de la bureautique aux logiciels libres' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/projets\/passage-de-la-bureautique/);
    await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()]);
    await page.getByRole('heading', { level: 1, name: /Passage de la bureautique aux logiciels libres/ }).waitFor();
    await e2e.screenshot(page, 'projet-pair');
  });

  it('reads the comparison in English: peer set, indicator names and units', async () => {
    const page = await e2e.newPage({ lang: 'en' });
    await page.goto(e2e.url('/comparer?territoire=91228&groupe=POPULATION_BAND'));
    const summary = page.getByRole('status').filter({ hasText: 'Évry-Courcouronnes compared with 2 territories' });
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Communes of 50,000 to 99,999 inhabitants (91)');
    const table = page.getByRole('table', { name: /^Indicators \d{4}$/ });
    await expect(table.getByRole('rowheader', { name: /Share of free software/ }).count()).resolves.toBe(1);
    await expect(table.getByRole('rowheader', { name: /Part des logiciels libres/ }).count()).resolves.toBe(0);
    await expect(
      page
        .getByLabel(/indicator/i)
        .locator('option', { hasText: 'Premises that can connect to fibre' })
        .count(),
    ).resolves.toBe(1);
    await e2e.checkA11y(page, 'comparer (en)');
    await page.context().close();
  });

  it('lets a member enter a figure and check a CSV file without importing it', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'member');
    await page.goto(e2e.url('/comparer/saisie'));
    await page.getByRole('heading', { level: 1, name: 'Saisir des données de benchmark' }).waitFor();
    await e2e.checkA11y(page, 'saisie');
    await page.getByLabel('Indicateur', { exact: true }).selectOption('TIERS_LIEUX');
    await page.getByLabel('Année').first().fill('2025');
    await page.getByLabel('Valeur', { exact: true }).fill('4');
    await page.getByRole('button', { name: 'Enregistrer la valeur' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Valeur enregistrée : Tiers-lieux et espaces de coworking = 4 lieux (Évry-Courcouronnes, 2025).' })
      .waitFor();

    await page.getByLabel('Ou collez le contenu du fichier').fill('indicateur;territoire;annee;valeur\nTIERS_LIEUX;91228;2025;5\nTIERS_LIEUX;91377;2025;2,5');
    await page.getByRole('button', { name: 'Vérifier sans importer' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '1 ligne en erreur' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Ligne 3 : .*membre vérifié·e/);
    await expect(page.getByLabel('Ou collez le contenu du fichier').inputValue()).resolves.toContain('TIERS_LIEUX;91377;2025;2,5');
    await e2e.checkA11y(page, 'saisie (rapport)');
  });
});
