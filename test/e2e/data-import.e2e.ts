import { join } from 'node:path';
import { describeE2E, ROOT, startE2E, type E2E } from './harness';

const FIXTURES = join(ROOT, 'apps/api/test/fixtures/data-import');

describeE2E('data-import', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('data-import');
  });
  afterAll(async () => {
    if (process.env.ESSAIM_E2E_LOGS === '1') console.log(e2e?.logs().slice(-6000));
    await e2e?.stop();
  });

  it('an administrator imports Arcep’s file with a progress bar; the comparison then shows the source under the figure', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'admin');
    await page.goto(e2e.url('/comparer/import'));
    await page.getByRole('heading', { level: 1, name: 'Importer des données officielles' }).waitFor();
    await e2e.checkA11y(page, 'import');
    await page.getByLabel('Source', { exact: true }).selectOption('arcep-fibre');
    await page.getByLabel('Fichier CSV').setInputFiles(join(FIXTURES, 'arcep-commune_techno.csv'));
    await Promise.all([page.waitForURL(/rapport=\d+/), page.getByRole('button', { name: 'Importer' }).click()]);
    const report = page.getByRole('region', { name: 'Rapport d’import' });
    await report.getByText('Import réussi').waitFor();
    await expect(report.textContent()).resolves.toContain('FIBRE_RACCORDABLE : 5');
    await expect(report.textContent()).resolves.toContain('99999');
    await e2e.screenshot(page, 'rapport');

    await page.goto(e2e.url('/comparer?territoire=91228&groupe=SAME_EPCI'));
    const table = page.getByRole('table', { name: /^Indicateurs 2025$/ });
    const fibre = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Locaux raccordables à la fibre/ }) });
    await expect(fibre.textContent()).resolves.toMatch(/Source :\s*Arcep — Ma connexion internet.*millésime 2025-03-31/s);
    const sources = page.getByRole('region', { name: 'Sources' });
    await expect(sources.getByRole('link', { name: /Arcep — Ma connexion internet/ }).count()).resolves.toBe(1);
    await e2e.checkA11y(page, 'comparer (sources)');
    await e2e.screenshot(page, 'sources');

    // 2024 has only demo figures: flagged as such, and the fibre's demo figures are gone now that real ones exist.
    await page.goto(e2e.url('/comparer?territoire=91228&groupe=SAME_EPCI&annee=2024'));
    const table2024 = page.getByRole('table', { name: /^Indicateurs 2024$/ });
    const tiers = table2024.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Tiers-lieux/ }) });
    await expect(tiers.textContent()).resolves.toContain('Donnée de démonstration');
    const fibre2024 = table2024.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Locaux raccordables à la fibre/ }) });
    await expect(fibre2024.textContent()).resolves.not.toContain('démonstration');
    await expect(page.getByRole('region', { name: 'Sources' }).textContent()).resolves.toContain('Données de démonstration');
  });

  it('works without JavaScript: the form posts the file and lands on the report, a wrong header says what was expected', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await e2e.login(page, 'admin');
    await page.goto(e2e.url('/comparer/import'));
    await page.getByLabel('Source', { exact: true }).selectOption('mediation-numerique');
    await page.getByLabel('Fichier CSV').setInputFiles(join(FIXTURES, 'mediation-numerique-wrong-header.csv'));
    await Promise.all([page.waitForURL(/rapport=\d+/), page.getByRole('button', { name: 'Importer' }).click()]);
    const report = page.getByRole('region', { name: 'Rapport d’import' });
    await report.getByText('Import refusé').waitFor();
    await expect(report.textContent()).resolves.toMatch(/Colonnes attendues.*id ; nom ; code_insee ; dispositif_programmes_nationaux/s);
    await expect(report.textContent()).resolves.toContain('identifiant ; nom ; insee');
  });

  it('is refused to members', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'member');
    const response = await page.goto(e2e.url('/comparer/import'));
    expect(response?.status()).toBe(403);
  });
});
