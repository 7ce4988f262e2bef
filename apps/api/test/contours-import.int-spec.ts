import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { TerritoryShape } from '../src/maps/territory-shape.entity';
import { cli, FIXTURES, upload, uploadForm } from './data-import-helpers';
import { GqlClient, startTestServer, TestServer } from './harness';

jest.setTimeout(300_000);

/**
 * `npm run data:import -- contours <file>` and the admin upload with the official "contours
 * administratifs" shape (properties code, nom, departement, region, epci, plm): an extract of
 * the Essonne in 2018 (Évry and Courcouronnes merged since), plus Marseille (not a commune of
 * this instance).
 */
describe('contours as an official data source (CLI and admin upload)', () => {
  let server: TestServer;
  let admin: GqlClient;
  let db: DataSource;
  const tmp = mkdtempSync(join(tmpdir(), 'essaim-contours-import-'));
  const shapes = (vintage: string) => db.getRepository(TerritoryShape).find({ where: { vintage }, order: { territoryCode: 'ASC' } });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.userWithRole('ADMIN');
    db = server.app.get(DataSource);
    // scripts/api-script.mjs rebuilds the API when its sources changed: do it here, not inside a timed test.
    expect((await cli(server, ['--list'])).stdout).toContain('contours');
  }, 900_000);
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('is offered on the admin page like the other sources', async () => {
    const { dataImportSources } = await admin.ok(`{ dataImportSources { key name licence url indicators } }`);
    expect(dataImportSources.find((s: { key: string }) => s.key === 'contours')).toEqual({
      key: 'contours',
      name: expect.stringMatching(/Contours administratifs/),
      licence: expect.stringMatching(/Licence Ouverte/),
      url: 'https://www.data.gouv.fr/fr/datasets/contours-administratifs/',
      indicators: [],
    });
  });

  it('CLI: imports the outlines with the usual report (vintage from the file name, merger applied, unknown code listed)', async () => {
    const run = await cli(server, ['contours', join(FIXTURES, 'contours-communes-2018.geojson')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({
      source: 'contours',
      status: 'DONE',
      vintage: '2018',
      rowsRead: 5,
      written: { contours: 3 },
      unknownTerritoryCodes: ['13055'],
      unknownTerritoryCount: 1,
      errorCount: 0,
      replaced: 0,
    });
    expect(run.report.notes.join(' ')).toMatch(/91182 fusionnée.*91228.*frontière commune retirée/);
    const rows = await shapes('2018');
    expect(rows.map((r) => r.territoryCode)).toEqual(['91086', '91228', '91589']);
    expect(rows.every((r) => /Licence Ouverte/.test(r.licence) && /IGN Admin Express/.test(r.source))).toBe(true);
    // The map reads them at once.
    const { territoryMap } = await server.client().ok(`{ territoryMap(code: "91228") { areas { code highlighted } sources { vintage } } }`);
    expect(territoryMap.areas.map((a: { code: string }) => a.code).sort()).toEqual(['91086', '91228', '91589']);
    expect(territoryMap.sources.map((s: { vintage: string }) => s.vintage)).toEqual(['2018']);
  });

  it('CLI: a re-import of the vintage replaces it (no duplicates); a .geojson.gz is read as Etalab publishes it', async () => {
    const before = await shapes('2018');
    const again = await cli(server, ['contours', join(FIXTURES, 'contours-communes-2018.geojson')]);
    expect(again.report).toMatchObject({ status: 'DONE', replaced: 3, written: { contours: 3 } });
    const after = await shapes('2018');
    expect(after.map((r) => r.territoryCode)).toEqual(before.map((r) => r.territoryCode));
    expect(after.map((r) => r.id)).not.toEqual(before.map((r) => r.id));

    const gz = join(tmp, 'communes-100m.geojson.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(FIXTURES, 'contours-communes-2018.geojson'))));
    const noYear = await cli(server, ['contours', gz]);
    expect(noYear.code).toBe(2);
    expect(noYear.report.message).toMatch(/Millésime introuvable/);
    const compressed = await cli(server, ['contours', gz, '--vintage', '2017']);
    expect(compressed.report).toMatchObject({ status: 'DONE', vintage: '2017', written: { contours: 3 } });
    expect((await shapes('2017')).length).toBe(3);
    await db.getRepository(TerritoryShape).delete({ vintage: '2017' });
  });

  it('CLI: a file of the wrong shape is refused with a French message, nothing written', async () => {
    const before = (await shapes('2018')).map((r) => r.id);
    const csv = await cli(server, ['contours', join(FIXTURES, 'arcep-commune_techno.csv'), '--vintage', '2018']);
    expect(csv.code).toBe(2);
    expect(csv.report.status).toBe('FAILED');
    expect(csv.report.message).toMatch(/^Ce n’est pas un fichier GeoJSON : il commence par « code_insee;/);
    const future = await cli(server, ['contours', join(FIXTURES, 'contours-communes-2018.geojson'), '--vintage', String(new Date().getFullYear() + 1)]);
    expect(future.code).toBe(64);
    expect(future.stderr).toMatch(/pas d’année future/);
    expect((await shapes('2018')).map((r) => r.id)).toEqual(before);
  });

  it('admin upload: wrong properties and a bad feature are refused whole; the plain form imports and the report reads in GraphQL', async () => {
    const before = (await shapes('2018')).map((r) => r.id);
    const wrong = await upload(server, admin, 'contours', 'contours-communes-2018-wrong-properties.geojson');
    expect(wrong.report).toMatchObject({ status: 'FAILED', headerError: { missing: ['code'], found: ['codgeo', 'libgeo'] } });
    expect(wrong.report.message).toMatch(/^Propriétés inattendues : propriété\(s\) manquante\(s\) « code »/);

    const bad = await upload(server, admin, 'contours', 'contours-communes-2018-bad-row.geojson');
    expect(bad.report.status).toBe('FAILED');
    expect(bad.report.errors).toEqual([{ line: 3, message: 'Entité n° 3 : code 91086 : géométrie Point, Polygon ou MultiPolygon attendu.' }]);
    expect((await shapes('2018')).map((r) => r.id)).toEqual(before);

    const early = await upload(server, admin, 'contours', 'contours-communes-2018.geojson', '2099');
    expect(early.status).toBe(400);
    expect(early.text).toMatch(/Millésime 2099 refusé/);

    const form = await uploadForm(server, admin, 'contours', 'contours-communes-2018.geojson');
    expect(form.status).toBe(303);
    const id = new URL(form.headers.get('location')!, server.url).searchParams.get('rapport');
    const { dataImport } = await admin.ok(
      `query($id: ID!) { dataImport(id: $id) { status source vintage fileName written { what count } unknownTerritoryCodes notes } }`,
      { id },
    );
    expect(dataImport).toMatchObject({
      status: 'DONE',
      source: 'contours',
      vintage: '2018',
      fileName: 'contours-communes-2018.geojson',
      written: [{ what: 'contours', count: 3 }],
      unknownTerritoryCodes: ['13055'],
    });
    expect((await shapes('2018')).map((r) => r.territoryCode)).toEqual(['91086', '91228', '91589']);
  });
});
