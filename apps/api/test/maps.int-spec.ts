import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IndicatorValue } from '../src/benchmark/indicator-value.entity';
import { Indicator } from '../src/benchmark/indicator.entity';
import { importContours } from '../src/maps/contours/contours-import';
import { signedArea } from '../src/maps/contours/dissolve';
import { DEMO_CONTOURS, DEMO_CONTOURS_FILE } from '../src/maps/contours-demo.seeder';
import { TerritoryShape } from '../src/maps/territory-shape.entity';
import { GqlClient, startTestServer, TestServer } from './harness';
import { projectInput } from './wiki-fixtures';

// Server start and territory import take a few seconds on a shared, busy machine.
jest.setTimeout(90_000);

/** An extract of the Etalab file with its real properties (code, nom, departement, region, epci, plm, commune). */
const FIXTURE = join(__dirname, 'fixtures', 'contours', 'communes-2018-extrait.geojson');
const MAP_FIELDS = `width height level departementCode departementName noDataCount missingOutlines
  sources { name licence vintage }
  legend { index min max count }
  areas { code name kind d value classIndex highlighted peer }`;

type Area = { code: string; name: string; kind: string; d: string; value: number | null; classIndex: number | null; highlighted: boolean; peer: boolean };

describe('maps: contours import and server-rendered maps', () => {
  let server: TestServer;
  let db: DataSource;
  let anonymous: GqlClient;
  const tmp = mkdtempSync(join(tmpdir(), 'essaim-contours-'));

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    anonymous = server.client();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const shapes = () => db.getRepository(TerritoryShape).find({ order: { territoryCode: 'ASC' } });

  it('imports the extract: mergers applied, arrondissements skipped, unknown codes listed; a re-import replaces the vintage', async () => {
    const report = await importContours(db, FIXTURE);
    expect(report).toMatchObject({
      source: 'contours',
      vintage: '2018',
      featuresRead: 9,
      written: 4,
      skippedArrondissements: 1,
      merged: [
        { from: '91182', into: '91228' },
        { from: '91222', into: '91390' },
      ],
      mergeMethods: { '91228': 'dissolved', '91390': 'dissolved' },
    });
    // Marseille: not in this instance's départements (91, 75); 91999: no such commune.
    expect(report.unknownCodes.sort()).toEqual(['13055', '91999']);
    expect(report.unknownCount).toBe(2);

    const rows = await shapes();
    expect(rows.map((r) => r.territoryCode)).toEqual(['91086', '91228', '91390', '91589']);
    expect(rows.every((r) => r.vintage === '2018' && r.licence === 'Licence Ouverte 2.0')).toBe(true);

    // Évry-Courcouronnes is one ring, as large as Évry and Courcouronnes together: the old border is gone.
    const source = JSON.parse(readFileSync(FIXTURE, 'utf8')).features as { properties: { code: string }; geometry: { coordinates: number[][][] } }[];
    const area = (code: string) => Math.abs(signedArea(source.find((f) => f.properties.code === code)!.geometry.coordinates[0]));
    const evry = JSON.parse(rows.find((r) => r.territoryCode === '91228')!.geometry);
    expect(evry.type).toBe('Polygon');
    expect(evry.coordinates).toHaveLength(1);
    expect(Math.abs(signedArea(evry.coordinates[0]))).toBeCloseTo(area('91228') + area('91182'), 10);

    const again = await importContours(db, FIXTURE);
    expect(again.written).toBe(4);
    const after = await shapes();
    expect(after).toHaveLength(4);
    expect(after.map((r) => r.geometry)).toEqual(rows.map((r) => r.geometry));
    expect(after.map((r) => r.id)).not.toEqual(rows.map((r) => r.id));
  });

  it('writes nothing when the file fails half-way (truncated, a point, a vintage it cannot tell)', async () => {
    const before = await shapes();
    const text = readFileSync(FIXTURE, 'utf8');
    const truncated = join(tmp, 'communes-2018-tronque.geojson');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.8)));
    await expect(importContours(db, truncated)).rejects.toThrow(/tronqué/);

    const point = join(tmp, 'communes-2018-point.geojson');
    const collection = JSON.parse(text);
    collection.features[3].geometry = { type: 'Point', coordinates: [2.4, 48.6] };
    writeFileSync(point, JSON.stringify(collection));
    await expect(importContours(db, point)).rejects.toThrow(/code 91222.*Point, Polygon ou MultiPolygon attendu/);

    const noYear = join(tmp, 'communes.geojson');
    copyFileSync(FIXTURE, noYear);
    await expect(importContours(db, noYear)).rejects.toThrow(/Millésime inconnu/);
    const withOption = await importContours(db, noYear, { vintage: '2017' });
    expect(withOption.written).toBe(4);
    await db.getRepository(TerritoryShape).delete({ vintage: '2017' });

    expect((await shapes()).map((r) => r.id)).toEqual(before.map((r) => r.id));
  });

  it('draws where a territory is: the communes with an outline, the commune (or the EPCI’s communes) highlighted', async () => {
    const { territoryMap } = await anonymous.ok(`query { territoryMap(code: "91228") { ${MAP_FIELDS} } }`);
    expect(territoryMap.departementName).toBe('Essonne');
    expect(territoryMap.areas.map((a: Area) => a.code).sort()).toEqual(['91086', '91228', '91390', '91589']);
    expect(territoryMap.areas.filter((a: Area) => a.highlighted).map((a: Area) => a.code)).toEqual(['91228']);
    expect(territoryMap.missingOutlines.length).toBeGreaterThan(180);
    expect(territoryMap.sources).toEqual([
      { name: 'Contours administratifs (Etalab, d’après IGN Admin Express)', licence: 'Licence Ouverte 2.0', vintage: '2018' },
    ]);
    for (const a of territoryMap.areas as Area[]) expect(a.d).toMatch(/^M[\d.]+,[\d.]+L[\d.,LMZ]+Z$/);

    const epci = await anonymous.ok(`query { territoryMap(code: "200059228") { areas { code highlighted } } }`);
    expect(
      epci.territoryMap.areas
        .filter((a: Area) => a.highlighted)
        .map((a: Area) => a.code)
        .sort(),
    ).toEqual(['91086', '91228']);
    expect((await anonymous.ok(`query { territoryMap(code: "R11") { width } }`)).territoryMap).toBeNull();
    const unknown = await anonymous.gql(`query { territoryMap(code: "00000") { width } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('maps an indicator over the demo outlines of the Essonne (194 communes today): quantile classes, peers, no data', async () => {
    const report = await importContours(db, DEMO_CONTOURS_FILE, DEMO_CONTOURS);
    expect(report).toMatchObject({ featuresRead: 196, written: 194, unknownCodes: [] });

    const indicator = await db.getRepository(Indicator).findOneByOrFail({ code: 'PART_LOGICIELS_LIBRES' });
    const epciMembers = (await db.query(`SELECT code FROM territory WHERE "epciCode" = '200059228' AND kind = 'COMMUNE' ORDER BY code`)) as { code: string }[];
    // Ten communes with a value, 1 to 10: two per class; Évry gets 10 (top class).
    const valued = ['91228', ...epciMembers.map((m) => m.code).filter((c) => c !== '91228')].slice(0, 10);
    await db
      .getRepository(IndicatorValue)
      .insert(valued.map((code, i) => ({ indicatorId: indicator.id, territoryCode: code, year: 2024, rawValue: 10 - i, current: true })));

    const { comparison } = await anonymous.ok(`query {
      comparison(territoryCode: "91228", peerGroup: SAME_EPCI, year: 2024) { peers { code } map(indicatorCode: "PART_LOGICIELS_LIBRES") { ${MAP_FIELDS} } }
    }`);
    const map = comparison.map;
    expect(map.areas).toHaveLength(194);
    expect(map.missingOutlines).toEqual([]);
    expect(map.noDataCount).toBe(184);
    expect(map.legend).toEqual([0, 1, 2, 3, 4].map((index) => ({ index, min: 2 * index + 1, max: 2 * index + 2, count: 2 })));
    const evry = map.areas.find((a: Area) => a.code === '91228');
    expect(evry).toMatchObject({ name: 'Évry-Courcouronnes', value: 10, classIndex: 4, highlighted: true, peer: false });
    const peers = new Set(comparison.peers.map((p: { code: string }) => p.code));
    expect(
      map.areas
        .filter((a: Area) => a.peer)
        .map((a: Area) => a.code)
        .sort(),
    ).toEqual([...peers].filter((c) => map.areas.some((a: Area) => a.code === c)).sort());
    expect(map.areas.filter((a: Area) => a.value === null).every((a: Area) => a.classIndex === null)).toBe(true);
    expect(map.areas.some((a: Area) => a.code === '91182' || a.code === '91222')).toBe(false);

    const epciLevel = await anonymous.ok(`query {
      comparison(territoryCode: "91228", peerGroup: SAME_EPCI, year: 2024) { map(indicatorCode: "PART_LOGICIELS_LIBRES", level: EPCI) { level areas { code kind highlighted d } } }
    }`);
    const epcis = epciLevel.comparison.map.areas as Area[];
    expect(epciLevel.comparison.map.level).toBe('EPCI');
    expect(epcis.length).toBeGreaterThanOrEqual(10);
    expect(epcis.every((a) => a.kind === 'EPCI' && a.d.length > 0)).toBe(true);
    expect(epcis.filter((a) => a.highlighted).map((a) => a.code)).toEqual(['200059228']);

    const bad = await anonymous.gql(`query { comparison(territoryCode: "91228", peerGroup: SAME_EPCI) { map(indicatorCode: "bad code!") { width } } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('says when the mapped values are demo figures, and where real ones come from', async () => {
    const id = async (code: string) => (await db.getRepository(Indicator).findOneByOrFail({ code })).id;
    const tiers = await id('TIERS_LIEUX');
    await db.getRepository(IndicatorValue).insert(
      ['91228', '91086', '91589'].map((territoryCode, i) => ({
        indicatorId: tiers,
        territoryCode,
        year: 2024,
        rawValue: i + 1,
        current: true,
        isDemo: true,
        source: 'Données de démonstration — générées',
      })),
    );
    const map = async (indicator: string) =>
      (
        await anonymous.ok(
          `query($i: String) { comparison(territoryCode: "91228", peerGroup: SAME_EPCI, year: 2024) { map(indicatorCode: $i) { indicatorCode isDemo valueSources { name vintage isDemo } noDataCount } } }`,
          { i: indicator },
        )
      ).comparison.map;
    expect(await map('TIERS_LIEUX')).toMatchObject({
      indicatorCode: 'TIERS_LIEUX',
      isDemo: true,
      valueSources: [{ name: 'Données de démonstration — générées', vintage: null, isDemo: true }],
    });
    expect(await map('PART_LOGICIELS_LIBRES')).toMatchObject({ isDemo: false, valueSources: [{ name: 'Saisie de la collectivité', isDemo: false }] });
    // Location and blocker maps carry no values of indicators.
    const { territoryMap } = await anonymous.ok(`{ territoryMap(code: "91228") { isDemo valueSources { name } } }`);
    expect(territoryMap).toEqual({ isDemo: false, valueSources: [] });
  });

  it('maps the open blockers of each commune (lifted ones do not count)', async () => {
    const admin = await server.userWithRole('ADMIN');
    const project = async (territoryCode: string, title: string) =>
      (await admin.ok(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, { input: projectInput({ territoryCode, title }) }))
        .createProject.id;
    const report = (projectId: string) =>
      admin.ok(
        `mutation($id: ID!) { reportBlocker(projectId: $id, input: { category: FUNDING, severity: BLOCKING, description: "Pas de budget cette année." }) { id } }`,
        { id: projectId },
      );
    const evry = await project('91228', 'Carte : projet d’Évry');
    const massy = await project('91377', 'Carte : projet de Massy');
    await report(evry);
    await report(evry);
    const lifted = (await report(massy)).reportBlocker.id;
    await admin.ok(`mutation($id: ID!) { updateBlocker(id: $id, status: LIFTED, resolution: "Subvention obtenue.") { id } }`, { id: lifted });

    const { blockerMap } = await anonymous.ok(
      `query { blockerMap(departement: "91") { noDataCount legend { index min max count } areas { code value classIndex } } }`,
    );
    const byCode = new Map<string, Area>(blockerMap.areas.map((a: Area) => [a.code, a]));
    expect(byCode.get('91228')!.value).toBe(2);
    expect(byCode.get('91377')!.value).toBe(0);
    expect(blockerMap.noDataCount).toBe(0);
    expect(blockerMap.legend).toEqual([
      { index: 0, min: 0, max: 0, count: 193 },
      { index: 4, min: 2, max: 2, count: 1 },
    ]);
    const health = await anonymous.ok(`query { blockerMap(departement: "91", theme: EDUCATION) { areas { code value } } }`);
    expect(health.blockerMap.areas.find((a: Area) => a.code === '91228').value).toBe(0);
    expect((await anonymous.ok(`query { blockerMap(departement: "13") { width } }`)).blockerMap).toBeNull();
  });
});
