import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IndicatorValue } from '../src/benchmark/indicator-value.entity';
import { Indicator } from '../src/benchmark/indicator.entity';
import { ARCEP_PUBLISHED_HEADERS } from '../src/data-import/sources/arcep';
import { cli, FIXTURES, upload, uploadForm } from './data-import-helpers';
import { createProject } from './wiki-fixtures';
import { GqlClient, startTestServer, TestServer } from './harness';

jest.setTimeout(300_000);

const COMPARISON = `query($code: String!) {
  comparison(territoryCode: $code, peerGroup: SAME_EPCI) {
    year
    peerCount
    rows { indicator { code } value isDemo source { name url licence vintage isDemo } peerValues { territory { code } value } }
    sources { name vintage licence isDemo }
  }
}`;

describe('official data imports (CLI and admin upload)', () => {
  let server: TestServer;
  let admin: GqlClient;
  let ds: DataSource;
  const countFor = (datasetKey: string) => ds.getRepository(IndicatorValue).countBy({ datasetKey });
  const currentValue = async (code: string, territoryCode: string) => {
    const indicator = await ds.getRepository(Indicator).findOneByOrFail({ code });
    const rows = await ds.getRepository(IndicatorValue).findBy({ indicatorId: indicator.id, territoryCode, current: true });
    return rows.map((r) => r.rawValue);
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.userWithRole('ADMIN');
    ds = server.app.get(DataSource);
    // Demo figures, as DEMO_DATA seeds them: one on an indicator that will get real values, one on another.
    const id = async (code: string) => (await ds.getRepository(Indicator).findOneByOrFail({ code })).id;
    const demo = { year: 2025, source: 'Données de démonstration — générées', isDemo: true, current: true, authorId: null };
    await ds.getRepository(IndicatorValue).insert([
      { ...demo, indicatorId: await id('FIBRE_RACCORDABLE'), territoryCode: '91021', rawValue: 42 },
      { ...demo, indicatorId: await id('TIERS_LIEUX'), territoryCode: '91228', rawValue: 3 },
      // A demo figure of a peer only (Bondoufle, same EPCI): Évry has none on that row.
      { ...demo, indicatorId: await id('PART_LOGICIELS_LIBRES'), territoryCode: '91086', rawValue: 40 },
    ]);
    // scripts/api-script.mjs rebuilds the API when its sources changed: do it here, not inside a timed test.
    const list = await cli(server, ['--list']);
    expect(list.stdout).toContain('arcep-fibre');
  }, 900_000);
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  const tmp = mkdtempSync(join(tmpdir(), 'essaim-data-import-'));

  describe('CLI (npm run data:import, real child process)', () => {
    it('refuses a file whose header is not the producer’s, saying what was expected and found', async () => {
      const run = await cli(server, ['arcep-fibre', `${FIXTURES}/arcep-commune_techno-wrong-header.csv`]);
      expect(run.code).toBe(2);
      expect(run.report.status).toBe('FAILED');
      expect(run.report.headerError.missing).toEqual(['code_insee', 'nbr', 'type', 'elig_ftth', 'date']);
      expect(run.report.headerError.found).toEqual(['code_commune', 'nom_commune', 'locaux', 'ftth']);
      expect(run.report.message).toMatch(/Attendu.*code_insee.*Trouvé.*code_commune/);
      expect(await countFor('arcep-fibre')).toBe(0);
    });

    it('writes nothing when one row is bad, and says which', async () => {
      const run = await cli(server, ['arcep-fibre', `${FIXTURES}/arcep-commune_techno-bad-row.csv`]);
      expect(run.code).toBe(2);
      expect(run.report.errors).toEqual([{ line: 4, message: expect.stringContaining('« beaucoup »') }]);
      expect(run.report.rowsRead).toBe(6);
      expect(await countFor('arcep-fibre')).toBe(0);
    });

    it('the fixtures carry Arcep’s published headers', () => {
      for (const [file, header] of [
        ['arcep-commune_techno.csv', ARCEP_PUBLISHED_HEADERS['commune_techno.csv']],
        ['arcep-commune_techno-bad-row.csv', ARCEP_PUBLISHED_HEADERS['commune_techno.csv']],
        ['arcep-commune_debit_filaire.csv', ARCEP_PUBLISHED_HEADERS['commune_debit_filaire.csv']],
      ]) {
        expect(readFileSync(join(FIXTURES, file), 'utf8').split('\n')[0]).toBe(header);
      }
    });

    it('imports Arcep’s file as published (UTF-8, ";") with its provenance and lists unknown communes', async () => {
      const run = await cli(server, ['arcep-fibre', `${FIXTURES}/arcep-commune_techno.csv`]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.report).toMatchObject({
        status: 'DONE',
        vintage: '2025-03-31',
        encoding: 'utf-8',
        separator: ';',
        rowsRead: 6,
        written: { FIBRE_RACCORDABLE: 5 },
        unknownTerritoryCodes: ['99999'],
        replaced: 0,
      });
      expect(run.report.notes.join(' ')).toMatch(/ramenée/);
      expect(await currentValue('FIBRE_RACCORDABLE', '91228')).toEqual([95]);
      expect(await currentValue('FIBRE_RACCORDABLE', '91589')).toEqual([100]);
      const stored = await ds.getRepository(IndicatorValue).findOneByOrFail({ datasetKey: 'arcep-fibre', territoryCode: '91377' });
      expect(stored).toMatchObject({ year: 2025, vintage: '2025-03-31', licence: expect.stringMatching(/Licence Ouverte/), isDemo: false, authorId: null });
      expect(stored.sourceUrl).toMatch(/^https:\/\/www\.data\.gouv\.fr\//);
    });

    it('re-importing the same vintage replaces it (no duplicates) and records who imported', async () => {
      const run = await cli(server, ['arcep-fibre', `${FIXTURES}/arcep-commune_techno.csv`, '--by', (await admin.ok('{ me { email } }')).me.email]);
      expect(run.code).toBe(0);
      expect(run.report.replaced).toBe(5);
      expect(await countFor('arcep-fibre')).toBe(5);
      expect(await currentValue('FIBRE_RACCORDABLE', '91228')).toEqual([95]);
      const stored = await ds.getRepository(IndicatorValue).findOneByOrFail({ datasetKey: 'arcep-fibre', territoryCode: '91228' });
      expect(stored.authorId).toBe(Number(admin.userId));
    });

    it('refuses a vintage in the future or an unknown source before reading', async () => {
      const future = await cli(server, ['arcep-fibre', `${FIXTURES}/arcep-commune_techno.csv`, '--vintage', `${new Date().getFullYear() + 1}-T1`]);
      expect(future.code).toBe(64);
      expect(future.stderr).toMatch(/pas d’année future/);
      const unknown = await cli(server, ['cadastre', `${FIXTURES}/arcep-commune_techno.csv`]);
      expect(unknown.code).toBe(64);
      expect(unknown.stderr).toMatch(/arcep-fibre/);
      const old = await cli(server, ['arcep-fibre', `${FIXTURES}/arcep-commune_techno.csv`, '--vintage', '1999-T4']);
      expect(old.code).toBe(64);
      expect(old.stderr).toMatch(/Millésime 1999-T4 refusé. L’année doit être comprise entre 2000 et/);
    });

    it('refuses rows dated after the current year or before 2000, even when the vintage is given (nothing written)', async () => {
      const next = new Date().getFullYear() + 1;
      const before = await countFor('mediation-numerique');
      const text = readFileSync(join(FIXTURES, 'mediation-numerique.csv'), 'utf8');
      const future = join(tmp, 'lieux-futur.csv');
      writeFileSync(future, text.replace('2025-04-01T08:00:00.000Z', `${next}-04-01T08:00:00.000Z`));
      const run = await cli(server, ['mediation-numerique', future, '--vintage', '2025-06-30']);
      expect(run.code).toBe(2);
      expect(run.report.errors).toEqual([
        {
          line: expect.any(Number),
          message: `Date « ${next}-04-01 » (date_maj) refusée : L’année doit être comprise entre 2000 et ${next - 1} (pas d’année future).`,
        },
      ]);
      const arcep = join(tmp, 'commune_techno-1999.csv');
      writeFileSync(arcep, readFileSync(join(FIXTURES, 'arcep-commune_techno.csv'), 'utf8').replaceAll('2025-03-31', '1999-12-31'));
      const old = await cli(server, ['arcep-fibre', arcep]);
      expect(old.code).toBe(2);
      expect(old.report.errorCount).toBe(6);
      expect(old.report.errors[0].message).toMatch(/^Date « 1999-12-31 » \(date\) refusée/);
      expect(await countFor('mediation-numerique')).toBe(before);
      expect(await ds.getRepository(IndicatorValue).countBy({ year: 1999 })).toBe(0);
    });
  });

  describe('provenance in the comparison', () => {
    it('shows the source and vintage under each figure, flags demo values and hides them once real ones exist', async () => {
      const { comparison } = await server.client().ok(COMPARISON, { code: '91228' });
      expect(comparison.year).toBe(2025);
      const fibre = comparison.rows.find((r: any) => r.indicator.code === 'FIBRE_RACCORDABLE');
      expect(fibre.value).toBe(95);
      expect(fibre.source).toEqual({
        name: 'Arcep — Ma connexion internet (éligibilité FttH par commune)',
        url: expect.stringMatching(/^https:/),
        licence: expect.stringMatching(/Licence Ouverte/),
        vintage: '2025-03-31',
        isDemo: false,
      });
      // 91021's demo figure on this indicator is gone now that real figures exist.
      expect(fibre.peerValues.map((p: any) => p.territory.code)).not.toContain('91021');
      const tiers = comparison.rows.find((r: any) => r.indicator.code === 'TIERS_LIEUX');
      expect(tiers.source).toMatchObject({ isDemo: true, vintage: null });
      expect(comparison.sources.map((s: any) => s.isDemo)).toEqual([false, true]);
    });

    it('puts source, vintage, licence and the demo flag in the CSV export', async () => {
      const res = await fetch(`${server.url}/open-data/comparison.csv?territory=91228&group=SAME_EPCI`);
      const [header, ...lines] = (await res.text()).trim().split('\r\n');
      expect(header.split(',').slice(-5)).toEqual(['source', 'millesime', 'licence', 'source_url', 'donnee_de_demonstration']);
      const fibre = lines.find((l) => l.includes('FIBRE_RACCORDABLE'))!;
      expect(fibre).toContain('Arcep — Ma connexion internet');
      expect(fibre).toContain(',2025-03-31,');
      expect(fibre.endsWith(',non')).toBe(true);
      expect(lines.find((l) => l.includes('TIERS_LIEUX'))!.endsWith(',oui')).toBe(true);
    });

    it('flags demo rows wherever they come from (the peers’ values too), in GraphQL and in the Excel export', async () => {
      const { comparison } = await server.client().ok(COMPARISON, { code: '91228' });
      const row = (code: string) => comparison.rows.find((r: any) => r.indicator.code === code);
      expect(row('PART_LOGICIELS_LIBRES')).toMatchObject({
        value: null,
        source: null,
        isDemo: true,
        peerValues: [{ territory: { code: '91086' }, value: 40 }],
      });
      expect(row('TIERS_LIEUX').isDemo).toBe(true);
      expect(row('FIBRE_RACCORDABLE').isDemo).toBe(false);
      expect(row('DEMARCHES_EN_LIGNE')).toMatchObject({ value: null, isDemo: false });

      const res = await fetch(`${server.url}/open-data/comparison.csv?territory=91228&group=SAME_EPCI&format=excel`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM French spreadsheets need
      const [header, ...lines] = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(header.split(';').at(-1)).toBe('donnee_de_demonstration');
      const flag = (code: string) =>
        lines
          .find((l) => l.split(';')[5] === code)!
          .split(';')
          .at(-1);
      expect(flag('PART_LOGICIELS_LIBRES')).toBe('oui');
      expect(flag('TIERS_LIEUX')).toBe('oui');
      expect(flag('FIBRE_RACCORDABLE')).toBe('non');
    });
  });

  describe('admin upload (real server, streamed)', () => {
    it('is for administrators only, from Essaim’s own pages', async () => {
      const member = await server.registerUser();
      expect((await upload(server, member, 'mediation-numerique', 'mediation-numerique.csv')).status).toBe(403);
      expect((await upload(server, server.client(), 'mediation-numerique', 'mediation-numerique.csv')).status).toBe(401);
      expect((await uploadForm(server, admin, 'arcep-debit', 'arcep-commune_debit_filaire.csv', 'https://evil.example')).status).toBe(403);
      expect(await countFor('mediation-numerique')).toBe(0);
    });

    it('refuses a wrong header and a bad row without writing anything', async () => {
      const wrong = await upload(server, admin, 'mediation-numerique', 'mediation-numerique-wrong-header.csv');
      expect(wrong.report).toMatchObject({ status: 'FAILED', headerError: { missing: ['id', 'code_insee', 'dispositif_programmes_nationaux'] } });
      const bad = await upload(server, admin, 'mediation-numerique', 'mediation-numerique-bad-row.csv');
      expect(bad.report.status).toBe('FAILED');
      expect(bad.report.errors[0].message).toMatch(/913X7/);
      expect(await countFor('mediation-numerique')).toBe(0);
    });

    it('streams progress, then imports the médiation numérique places (UTF-8, ",", quoted line breaks)', async () => {
      const done = await upload(server, admin, 'mediation-numerique', 'mediation-numerique.csv');
      expect(done.status).toBe(200);
      expect(done.lines.some((l) => l.type === 'progress' && l.phase === 'writing')).toBe(true);
      expect(done.report).toMatchObject({ status: 'DONE', vintage: '2025-06-30', rowsRead: 6, rowsSkipped: 1, unknownTerritoryCodes: ['98999'] });
      expect(await currentValue('LIEUX_MEDIATION', '91228')).toEqual([2]);
      expect(await currentValue('LIEUX_FRANCE_SERVICES', '91228')).toEqual([1]);
      expect(await currentValue('LIEUX_CONSEILLERS_NUMERIQUES', '91228')).toEqual([2]);
      expect(await currentValue('LIEUX_MEDIATION', '200059228')).toEqual([2]); // the EPCI
      expect(await currentValue('LIEUX_MEDIATION', '91021')).toEqual([0]); // a commune of a covered département without a place
      expect(await currentValue('LIEUX_FRANCE_SERVICES', '75056')).toEqual([1]);
      const again = await upload(server, admin, 'mediation-numerique', 'mediation-numerique.csv');
      expect(again.report.replaced).toBe(await countFor('mediation-numerique'));
      expect(await currentValue('LIEUX_MEDIATION', '91228')).toEqual([2]);
    });

    it('imports nothing from an upload cut short', async () => {
      const before = await countFor('mediation-numerique');
      const { request } = await import('node:http');
      const file = readFileSync(join(FIXTURES, 'mediation-numerique.csv'));
      const url = new URL(`${server.url}/data-import/mediation-numerique?vintage=2025-07-01`);
      await new Promise<void>((done) => {
        const req = request({
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          headers: { cookie: admin.cookieHeader(), 'content-type': 'text/csv', 'content-length': String(file.length) },
        });
        req.on('error', () => done());
        req.write(file.subarray(0, Math.floor(file.length / 2)), () =>
          setTimeout(() => {
            req.destroy();
            done();
          }, 300),
        );
      });
      let last: any = null;
      for (let i = 0; i < 50 && last?.status !== 'FAILED'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        last = (await admin.ok(`{ dataImports(first: 1) { status vintage message } }`)).dataImports[0];
      }
      expect(last).toMatchObject({ status: 'FAILED', vintage: '2025-07-01' });
      expect(await countFor('mediation-numerique')).toBe(before);
      expect(await ds.getRepository(IndicatorValue).countBy({ datasetKey: 'mediation-numerique', vintage: '2025-07-01' })).toBe(0);
    });

    it('works as a plain form without JavaScript (303 to the report), and the report is readable in GraphQL', async () => {
      const res = await uploadForm(server, admin, 'arcep-debit', 'arcep-commune_debit_filaire.csv');
      expect(res.status).toBe(303);
      const id = new URL(res.headers.get('location')!, server.url).searchParams.get('rapport');
      const { dataImport } = await admin.ok(`query($id: ID!) { dataImport(id: $id) { status vintage written { what count } importedBy } }`, { id });
      expect(dataImport).toMatchObject({ status: 'DONE', vintage: '2025-03-31', written: [{ what: 'SANS_BON_HAUT_DEBIT', count: 4 }] });
      expect(await currentValue('SANS_BON_HAUT_DEBIT', '91021')).toEqual([2]);
      expect((await server.registerUser().then((m) => m.gql(`{ dataImports { id } }`))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('data.gouv.fr: organisations first (SIRET → territory), then datasets counted per collectivité', async () => {
      const early = await upload(server, admin, 'datagouv-jeux', 'datasets.csv');
      expect(early.report.message).toMatch(/organisations/);
      const organisations = await upload(server, admin, 'datagouv-organisations', 'organizations.csv');
      expect(organisations.report).toMatchObject({ status: 'DONE', written: { organisations: 4, organisations_rattachees: 3 } });
      expect((await upload(server, admin, 'datagouv-jeux', 'datasets-bad-row.csv')).report.status).toBe('FAILED');
      expect(await countFor('datagouv-jeux')).toBe(0);
      const datasets = await upload(server, admin, 'datagouv-jeux', 'datasets.csv');
      expect(datasets.report).toMatchObject({ status: 'DONE', vintage: '2025-06-15', written: { JEUX_DONNEES_OUVERTS: 3 }, rowsSkipped: 1 });
      expect(await currentValue('JEUX_DONNEES_OUVERTS', '91228')).toEqual([2]);
      expect(await currentValue('JEUX_DONNEES_OUVERTS', '91377')).toEqual([1]);
      expect(await currentValue('JEUX_DONNEES_OUVERTS', '200059228')).toEqual([0]);
      expect((await upload(server, admin, 'datagouv-jeux', 'datasets-wrong-header.csv')).report.headerError.missing).toEqual(['organization_id']);
    });
  });

  describe('honest figures and peers', () => {
    it('refuses figures for a future year, typed or pasted', async () => {
      const next = new Date().getFullYear() + 1;
      const typed = await admin.gql(
        `mutation($y: Int!) { setIndicatorValue(indicatorCode: "TIERS_LIEUX", territoryCode: "91228", year: $y, value: 3) { id } }`,
        { y: next },
      );
      expect(typed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(typed.errors?.[0].message).toMatch(/pas d’année future/);
      const pasted = await admin.ok(`mutation($csv: String!) { importIndicatorValues(csv: $csv, dryRun: false) { imported errors { line message } } }`, {
        csv: `indicateur;territoire;annee;valeur\nTIERS_LIEUX;91228;${next};3\n`,
      });
      expect(pasted.importIndicatorValues.imported).toBe(0);
      expect(pasted.importIndicatorValues.errors[0].message).toMatch(/Année invalide « \d{4} » \(attendu : 2000 à \d{4}, pas d’année future\)/);
      const old = await admin.gql(`mutation { setIndicatorValue(indicatorCode: "TIERS_LIEUX", territoryCode: "91228", year: 1999, value: 3) { id } }`);
      expect(old.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses self-assessments for a future year or before 2000', async () => {
      const score = (year: number) =>
        admin.gql(
          `mutation($y: Int!) { setMaturityScore(territoryCode: "91228", theme: ONLINE_SERVICES, year: $y, score: 3, justification: "Portail en ligne.") { id } }`,
          { y: year },
        );
      for (const year of [new Date().getFullYear() + 1, 1999]) {
        const refused = await score(year);
        expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(refused.errors?.[0].message).toMatch(/L’année doit être comprise entre 2000 et/);
      }
      expect((await score(new Date().getFullYear())).errors).toBeUndefined();
    });

    it('shows sheets of better-ranked peers on the indicator’s related themes only, best-ranked peer first', async () => {
      const set = (code: string, value: number) =>
        admin.ok(
          `mutation($t: String!, $v: Float!) { setIndicatorValue(indicatorCode: "DEMARCHES_EN_LIGNE", territoryCode: $t, year: 2025, value: $v) { id } }`,
          { t: code, v: value },
        );
      await set('91228', 5);
      await set('91377', 20); // rank 1
      await set('91174', 10); // rank 2
      const corbeil = await server.registerUser({ territoryCode: '91174' });
      const massy = await server.registerUser({ territoryCode: '91377' });
      await createProject(corbeil, { title: 'Démarches scolaires en ligne', themes: ['ONLINE_SERVICES'], territoryCode: '91174' });
      await createProject(massy, { title: 'Connexion FranceConnect au portail', themes: ['DIGITAL_IDENTITY'], territoryCode: '91377' });
      await createProject(massy, { title: 'Cabine de téléconsultation', themes: ['HEALTH_TELEMEDICINE'], territoryCode: '91377' });
      const { comparison } = await server
        .client()
        .ok(
          `{ comparison(territoryCode: "91228", peerGroup: CUSTOM, peerCodes: ["91377", "91174"], year: 2025) { rows { indicator { code relatedThemes } lagging peerProjects { title territory { code } } } } }`,
        );
      const row = comparison.rows.find((r: any) => r.indicator.code === 'DEMARCHES_EN_LIGNE');
      expect(row.indicator.relatedThemes).toEqual(['ONLINE_SERVICES', 'DIGITAL_IDENTITY']);
      expect(row.lagging).toBe(true);
      expect(row.peerProjects.map((p: any) => p.title)).toEqual(['Connexion FranceConnect au portail', 'Démarches scolaires en ligne']);
    });
  });
});
