import { GraphqlRecorder } from './graphql-recorder';
import { describeE2E, startE2E, type E2E } from './harness';

/** Pages of a PDF (each page object has "/Type /Page"; the page tree has "/Type /Pages"). */
function pdfPages(pdf: Buffer): { count: number; sizes: number[][] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { count, sizes };
}

describeE2E('maps', () => {
  let e2e: E2E;
  let recorder: GraphqlRecorder;

  beforeAll(async () => {
    // The pages' GraphQL requests go through a recorder, so the test can count them.
    recorder = await GraphqlRecorder.start();
    e2e = await startE2E('maps', { env: { ESSAIM_API_URL: recorder.url } });
    recorder.target = e2e.baseUrl;
    // The first map of a département is projected once, then kept: do it before the first page
    // load, which the shared machine can make slow enough to hit the navigation timeout.
    const warm = await e2e.graphql(`{ territoryMap(code: "91228") { width } }`);
    expect(warm.errors).toBeUndefined();
  });
  afterAll(async () => {
    if (process.env.ESSAIM_E2E_LOGS === '1') console.log(e2e?.logs().slice(-6000));
    await e2e?.stop();
    await recorder?.close();
  });

  it('reads the choropleth of an indicator on Comparer: one path per commune, legend, table, EPCI level', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/comparer?territoire=91228&indicateur=PART_LOGICIELS_LIBRES'), { timeout: 60_000 });
    const map = page.getByRole('img', { name: /^Part des logiciels libres — Essonne, \d{4}/ });
    await map.waitFor();
    // The demo outlines: the Essonne's 194 communes of today (196 in 2018, two mergers since).
    const paths = map.locator('path[data-code]');
    await expect(paths.count()).resolves.toBe(194);
    const codes = await paths.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code')));
    expect(new Set(codes).size).toBe(194);
    expect(codes).not.toContain('91182');
    await expect(map.locator('path[data-code="91228"]').getAttribute('class')).resolves.toContain('highlighted');
    await expect(map.locator('path[data-code="91228"] > title').textContent()).resolves.toMatch(/^Évry-Courcouronnes : /);

    const legend = page.getByRole('list', { name: 'Légende (%)', exact: true });
    await expect(
      legend
        .getByRole('listitem')
        .filter({ hasText: /^\s*de .+ à .+/ })
        .count(),
    ).resolves.toBeGreaterThanOrEqual(2);
    await expect(legend.getByText('Territoire étudié (contour épais)').count()).resolves.toBe(1);
    // Values formatted in French in the legend (decimal comma), the unit once in its title.
    await expect(legend.textContent()).resolves.toMatch(/\d,\d/);
    // The demo seed's figures are generated: the map's name and its legend say so.
    await expect(page.locator('#comparison-map-title').textContent()).resolves.toMatch(/\(données de démonstration\)$/);
    await expect(
      page
        .locator('.comparison-map .legend')
        .getByText(/^Valeurs : données de démonstration/)
        .count(),
    ).resolves.toBe(1);

    await page.getByText('Voir les données de la carte (tableau)').click();
    const table = page.getByRole('table', { name: /^Part des logiciels libres — Essonne/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(194);
    await expect(table.getByRole('rowheader', { name: 'Évry-Courcouronnes' }).count()).resolves.toBe(1);
    await e2e.checkA11y(page, 'comparer (carte)');
    await e2e.screenshot(page, 'comparer-carte');

    await page.getByLabel('Niveau').selectOption('EPCI');
    await Promise.all([page.waitForURL(/niveau=EPCI/), page.getByRole('button', { name: 'Mettre à jour la carte' }).click()]);
    const epciMap = page.locator('svg.map[data-level="EPCI"]');
    await epciMap.waitFor();
    const epcis = await epciMap.locator('path[data-code]').count();
    expect(epcis).toBeGreaterThanOrEqual(10);
    expect(epcis).toBeLessThan(20);
    await expect(epciMap.locator('path.highlighted').getAttribute('data-code')).resolves.toBe('200059228');
    await page.context().close();
  });

  it('renders Comparer with one comparison request: the map comes with the comparison', async () => {
    const since = recorder.mark();
    const html = await (await fetch(e2e.url('/comparer?territoire=91228&indicateur=PART_LOGICIELS_LIBRES'))).text();
    expect(html.match(/<path data-code=/g)?.length).toBe(194);
    const comparisons = since().filter((op) => /\bcomparison\s*\(/.test(op.query));
    expect(comparisons.map((op) => op.name)).toEqual(['Comparison']);
    // An unknown indicator in a shared link: the default map, still drawn.
    const fallback = await (await fetch(e2e.url('/comparer?territoire=91228&indicateur=INCONNU'))).text();
    expect(fallback.match(/<path data-code=/g)?.length).toBe(194);
  });

  it('shows the maps without JavaScript: where a commune is, and the open blockers by commune', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto(e2e.url('/territoires/91228'));
    const location = page.getByRole('img', { name: 'Où se trouve Évry-Courcouronnes' });
    await expect(location.locator('path[data-code]').count()).resolves.toBe(194);
    await expect(location.locator('path.highlighted').getAttribute('data-code')).resolves.toBe('91228');

    await page.goto(e2e.url('/freins'));
    const blockers = page.getByRole('img', { name: 'Freins ouverts par commune — Essonne' });
    await expect(blockers.locator('path[data-code]').count()).resolves.toBe(194);
    const table = page.getByRole('table', { name: 'Communes ayant des freins ouverts' });
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await expect(page.getByText(/autre\(s\) commune\(s\) n’ont aucun frein ouvert/).textContent()).resolves.toContain(String(194 - rows));
    await page.context().close();

    const js = await e2e.newPage();
    await js.goto(e2e.url('/freins'));
    await js.getByRole('img', { name: 'Freins ouverts par commune — Essonne' }).waitFor();
    await e2e.checkA11y(js, 'freins (carte)');
    await js.goto(e2e.url('/territoires/91228'));
    await js.getByRole('img', { name: 'Où se trouve Évry-Courcouronnes' }).waitFor();
    await e2e.checkA11y(js, 'territoire (carte)');
    await js.context().close();
  });

  it('prints the one-page briefing on A4: the territory against its peers, the map, the sources', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/comparer?territoire=91228'));
    await Promise.all([page.waitForURL(/\/comparer\/fiche\?/), page.getByRole('link', { name: 'Fiche de synthèse imprimable' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Fiche de synthèse — Évry-Courcouronnes' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Points forts' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Points à travailler' }).count()).resolves.toBe(1);
    const map = page.locator('svg.map[role="img"]');
    await expect(map.locator('path[data-code]').count()).resolves.toBe(194);
    await expect(page.getByRole('heading', { name: 'Sources et millésimes' }).count()).resolves.toBe(1);
    await expect(page.getByText(/Fond de carte : IGN Admin Express COG 2018/).count()).resolves.toBeGreaterThanOrEqual(1);
    // Demo figures are flagged on the printed page: a notice at the top, each demo row, the sources, the map's legend.
    await expect(page.getByRole('note').filter({ hasText: 'cette fiche contient des données de démonstration' }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: 'Points forts' }).textContent()).resolves.toContain('(donnée de démonstration)');
    await expect(page.locator('footer.sources').textContent()).resolves.toContain('Données de démonstration (générées, pas des statistiques)');
    await expect(
      page
        .locator('.map-block .legend')
        .getByText(/^Valeurs : données de démonstration/)
        .count(),
    ).resolves.toBe(1);
    await e2e.checkA11y(page, 'fiche de synthèse');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Imprimer la fiche' }).isVisible()).resolves.toBe(false);
    await e2e.screenshot(page, 'fiche-impression');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const { count, sizes } = pdfPages(pdf);
    expect(count).toBe(1);
    // A4 is 595 × 842 points (Chromium rounds to whole CSS pixels: 595.92 × 842.88).
    for (const [width, height] of sizes) {
      expect(Math.abs(width - 595.3)).toBeLessThan(2);
      expect(Math.abs(height - 841.9)).toBeLessThan(2);
    }
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });
});
