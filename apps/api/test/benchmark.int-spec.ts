import { GqlClient, startTestServer, TestServer } from './harness';

/* eslint-disable @typescript-eslint/no-require-imports */
const EPCI_DATA = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; membres: { code: string }[] }[];
const membersOf = (epci: string) => EPCI_DATA.find((e) => e.code === epci)!.membres.map((m) => m.code);

const EVRY = '91228';
const CORBEIL = '91174';
const MASSY = '91377';
const ETAMPES = '91223';
const DOURDAN = '91200';

const SET = `mutation($i: String!, $t: String!, $y: Int!, $v: Float!, $s: String, $b: ID) {
  setIndicatorValue(indicatorCode: $i, territoryCode: $t, year: $y, value: $v, source: $s, baseValueId: $b) { id year value rawValue source current indicator { code } territory { code } }
}`;
const COMPARE = `query($t: String!, $g: PeerGroup!, $p: [String!], $y: Int, $l: ID) {
  comparison(territoryCode: $t, peerGroup: $g, peerCodes: $p, year: $y, peerListId: $l) {
    territory { code } peers { code } year years peerDescription
    rows { indicator { code higherIsBetter } value rank outOf peerMedian best { code } bestValue gap lagging
           peerValues { territory { code } value rank } series { year value peerMedian peerCount } peerProjects { slug territoryCode } }
  }
}`;
const IMPORT = `mutation($csv: String!, $dry: Boolean!) { importIndicatorValues(csv: $csv, dryRun: $dry) { imported valid dryRun errors { line message } } }`;

type Row = {
  indicator: { code: string };
  value: number | null;
  rank: number | null;
  outOf: number;
  peerMedian: number | null;
  best: { code: string } | null;
  gap: number | null;
  lagging: boolean;
  peerValues: { territory: { code: string }; value: number; rank: number }[];
  series: { year: number; value: number | null; peerMedian: number | null }[];
  peerProjects: { slug: string; territoryCode: string }[];
};
const rowOf = (comparison: { rows: Row[] }, code: string) => comparison.rows.find((r) => r.indicator.code === code)!;

describe('benchmark', () => {
  let server: TestServer;
  let admin: GqlClient;

  beforeAll(async () => {
    // 77 too, so that Évry's EPCI (which straddles the Essonne and the Seine-et-Marne) is complete.
    server = await startTestServer({ TERRITORY_DEPARTEMENTS: '91,77' });
    admin = await server.userWithRole('ADMIN', '91');
    const indicator = (code: string, higherIsBetter: boolean) =>
      admin.ok(`mutation($input: IndicatorInput!) { createIndicator(input: $input) { code } }`, {
        input: { code, name: `Indicateur de test ${code}`, unit: 'points', description: 'Pour les tests.', higherIsBetter, theme: 'GOVERNANCE' },
      });
    await indicator('TEST_HIGHER', true);
    await indicator('TEST_LOWER', false);
  }, 120_000);
  afterAll(() => server.close());

  it('serves the seminar’s indicator catalogue', async () => {
    const { indicators } = await server.client().ok(`{ indicators { code name unit higherIsBetter theme perInhabitants } }`);
    const codes = indicators.map((i: { code: string }) => i.code);
    for (const code of [
      'FIBRE_RACCORDABLE',
      'DEMARCHES_EN_LIGNE',
      'FRANCECONNECT',
      'LIEUX_MEDIATION',
      'JEUX_DONNEES_OUVERTS',
      'BUDGET_NUMERIQUE_HAB',
      'ECOLES_EQUIPEES',
      'TIERS_LIEUX',
      'PART_LOGICIELS_LIBRES',
    ]) {
      expect(codes).toContain(code);
    }
    expect(indicators.find((i: { code: string }) => i.code === 'SANS_BON_HAUT_DEBIT')).toMatchObject({
      higherIsBetter: false,
      theme: 'INFRASTRUCTURE_BROADBAND',
    });
    expect(indicators.find((i: { code: string }) => i.code === 'BUDGET_NUMERIQUE_HAB')).toMatchObject({ unit: '€/hab.', perInhabitants: 1 });
    expect(codes.slice(-2)).toEqual(['TEST_HIGHER', 'TEST_LOWER']);
  });

  describe('peer sets', () => {
    it('SAME_EPCI returns exactly the other member communes of the commune’s EPCI', async () => {
      for (const [commune, epci] of [
        [EVRY, '200059228'],
        [ETAMPES, '200017846'],
      ]) {
        const { comparison } = await server.client().ok(COMPARE, { t: commune, g: 'SAME_EPCI' });
        const expected = membersOf(epci)
          .filter((c) => c !== commune)
          .sort();
        expect(comparison.peers.map((p: { code: string }) => p.code).sort()).toEqual(expected);
        expect(comparison.peerDescription).toMatch(/^Autres communes de /);
      }
    });

    it('POPULATION_BAND returns the communes of the same INSEE band in the chosen scope, widening to reach 5 peers by default', async () => {
      const scoped = `query($t: String!, $s: PeerScope) { comparison(territoryCode: $t, peerGroup: POPULATION_BAND, scope: $s) { peers { code population } peerDescription peerCount peerScope } }`;
      const departement = (await server.client().ok(scoped, { t: EVRY, s: 'DEPARTEMENT' })).comparison;
      expect(departement.peers.map((p: { code: string }) => p.code)).toEqual([CORBEIL, MASSY]); // 50 000 – 99 999 in the Essonne
      expect(departement).toMatchObject({ peerCount: 2, peerScope: 'DEPARTEMENT', peerDescription: 'Communes de 50 000 à 99 999 habitants (91)' });
      // The web app sends its interface language: English descriptions for the English interface.
      const english = server.client();
      english.headers['accept-language'] = 'en';
      expect((await english.ok(scoped, { t: EVRY, s: 'DEPARTEMENT' })).comparison.peerDescription).toBe('Communes of 50,000 to 99,999 inhabitants (91)');
      expect((await english.ok(COMPARE, { t: EVRY, g: 'SAME_EPCI' })).comparison.peerDescription).toMatch(/^Other communes of /);
      // Default: two peers in the Essonne are too few, so the région then France are tried (only 91 and 77 are loaded here).
      const automatic = (await server.client().ok(scoped, { t: EVRY, s: null })).comparison;
      expect(automatic.peerCount).toBeGreaterThan(2);
      expect(automatic.peers.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining([CORBEIL, MASSY, '77108', '77284']));
      expect(automatic.peers.every((p: { population: number }) => p.population >= 50_000 && p.population <= 99_999)).toBe(true);
      // Fewer than 5 even in France here: the région, which has as many as France, is kept.
      expect(automatic).toMatchObject({ peerCount: 4, peerScope: 'REGION' });
      const region = (await server.client().ok(scoped, { t: EVRY, s: 'REGION' })).comparison;
      expect(region.peerScope).toBe('REGION');
      expect(region.peerDescription).toMatch(/\(8 départements\)$/);
      const wider = await server
        .client()
        .ok(`query { comparison(territoryCode: "${EVRY}", peerGroup: POPULATION_BAND, departements: ["91", "77"]) { peers { code population } peerScope } }`);
      expect(wider.comparison.peers.length).toBeGreaterThan(2);
      expect(wider.comparison.peerScope).toBeNull();
      const mixed = await server.client().gql(`query { comparison(territoryCode: "${EVRY}", peerGroup: SAME_EPCI, scope: FRANCE) { year } }`);
      expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('CUSTOM uses the given codes, never the territory itself, and rejects unknown codes', async () => {
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'CUSTOM', p: [MASSY, EVRY, DOURDAN, MASSY] });
      expect(comparison.peers.map((p: { code: string }) => p.code)).toEqual([DOURDAN, MASSY]);
      const unknown = await server.client().gql(COMPARE, { t: EVRY, g: 'CUSTOM', p: ['99999'] });
      expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const mixed = await server.client().gql(COMPARE, { t: EVRY, g: 'SAME_EPCI', p: [MASSY] });
      expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const epci = await server.client().gql(COMPARE, { t: '200059228', g: 'SAME_EPCI' });
      expect(epci.errors?.[0].message).toMatch(/commune/);
      const missing = await server.client().gql(COMPARE, { t: '00000', g: 'POPULATION_BAND' });
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('ranks and medians', () => {
    beforeAll(async () => {
      // TEST_HIGHER: Évry 10, Corbeil 30, Massy 30 (tie), Dourdan 5, Étampes missing.
      for (const [t, v] of [
        [EVRY, 10],
        [CORBEIL, 30],
        [MASSY, 30],
        [DOURDAN, 5],
      ] as const) {
        await admin.ok(SET, { i: 'TEST_HIGHER', t, y: 2023, v });
        await admin.ok(SET, { i: 'TEST_LOWER', t, y: 2023, v });
      }
    });
    const peers = [CORBEIL, MASSY, DOURDAN, ETAMPES];

    it('ranks out of the territories that have a value, with the peer median, best peer and gap', async () => {
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'CUSTOM', p: peers, y: 2023 });
      const row = rowOf(comparison, 'TEST_HIGHER');
      expect(row).toMatchObject({ value: 10, rank: 3, outOf: 4, peerMedian: 30, best: { code: CORBEIL }, gap: -20, lagging: true });
      expect(row.peerValues.map((p) => [p.territory.code, p.rank])).toEqual([
        [CORBEIL, 1],
        [MASSY, 1],
        [DOURDAN, 4],
      ]);
    });

    it('gives tied territories the same rank', async () => {
      const { comparison } = await server.client().ok(COMPARE, { t: MASSY, g: 'CUSTOM', p: [CORBEIL, EVRY, DOURDAN, ETAMPES], y: 2023 });
      expect(rowOf(comparison, 'TEST_HIGHER')).toMatchObject({ value: 30, rank: 1, outOf: 4, peerMedian: 10, best: { code: CORBEIL }, lagging: false });
    });

    it('ranks lower-is-better indicators the other way round', async () => {
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'CUSTOM', p: peers, y: 2023 });
      expect(rowOf(comparison, 'TEST_LOWER')).toMatchObject({
        value: 10,
        rank: 2,
        outOf: 4,
        peerMedian: 30,
        best: { code: DOURDAN },
        gap: -20,
        lagging: false,
      });
    });

    it('leaves a territory without a value unranked but counts its peers', async () => {
      const { comparison } = await server.client().ok(COMPARE, { t: ETAMPES, g: 'CUSTOM', p: [EVRY, CORBEIL, MASSY, DOURDAN], y: 2023 });
      expect(rowOf(comparison, 'TEST_HIGHER')).toMatchObject({
        value: null,
        rank: null,
        outOf: 4,
        peerMedian: 20,
        best: { code: CORBEIL },
        gap: null,
        lagging: false,
      });
      expect(rowOf(comparison, 'FIBRE_RACCORDABLE')).toMatchObject({ value: null, rank: null, outOf: 0, peerMedian: null, best: null });
    });

    it('defaults to the latest year with data and gives every year for the time series', async () => {
      await admin.ok(SET, { i: 'TEST_HIGHER', t: EVRY, y: 2024, v: 12 });
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'CUSTOM', p: peers });
      expect(comparison.year).toBe(2024);
      expect(comparison.years).toEqual([2024, 2023]);
      const row = rowOf(comparison, 'TEST_HIGHER');
      expect(row).toMatchObject({ value: 12, rank: 1, outOf: 1, peerMedian: null });
      expect(row.series).toEqual([
        { year: 2023, value: 10, peerMedian: 30, peerCount: 3 },
        { year: 2024, value: 12, peerMedian: null, peerCount: 0 },
      ]);
    });

    it('derives per-inhabitant values from the official population', async () => {
      const { territory } = await server.client().ok(`{ territory(code: "${EVRY}") { population } }`);
      const { setIndicatorValue } = await admin.ok(SET, { i: 'BUDGET_NUMERIQUE_HAB', t: EVRY, y: 2023, v: territory.population * 25 });
      expect(setIndicatorValue.rawValue).toBe(territory.population * 25);
      expect(setIndicatorValue.value).toBeCloseTo(25, 9);
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'CUSTOM', p: peers, y: 2023 });
      expect(rowOf(comparison, 'BUDGET_NUMERIQUE_HAB').value).toBeCloseTo(25, 9);
    });
  });

  describe('entering figures', () => {
    it('keeps the history and detects a stale baseValueId', async () => {
      const member = await server.registerUser({ territoryCode: DOURDAN });
      const first = (await member.ok(SET, { i: 'FIBRE_RACCORDABLE', t: DOURDAN, y: 2022, v: 61.5, s: 'Arcep T4 2022' })).setIndicatorValue;
      expect(first).toMatchObject({ value: 61.5, source: 'Arcep T4 2022', current: true, territory: { code: DOURDAN } });
      const second = (await member.ok(SET, { i: 'FIBRE_RACCORDABLE', t: DOURDAN, y: 2022, v: 63, b: first.id })).setIndicatorValue;
      const stale = await member.gql(SET, { i: 'FIBRE_RACCORDABLE', t: DOURDAN, y: 2022, v: 70, b: first.id });
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentValueId: second.id });
      const { indicatorHistory } = await server
        .client()
        .ok(
          `{ indicatorHistory(indicatorCode: "FIBRE_RACCORDABLE", territoryCode: "${DOURDAN}") { totalCount edges { node { value current author { displayName } } } } }`,
        );
      expect(indicatorHistory.totalCount).toBe(2);
      expect(indicatorHistory.edges.map((e: { node: { value: number; current: boolean } }) => [e.node.value, e.node.current])).toEqual([
        [63, true],
        [61.5, false],
      ]);
      const { comparison } = await server.client().ok(COMPARE, { t: DOURDAN, g: 'CUSTOM', p: [EVRY], y: 2022 });
      expect(rowOf(comparison, 'FIBRE_RACCORDABLE').value).toBe(63);
    });

    it('lets members enter figures for their own territory only; moderators and admins for any', async () => {
      const anonymous = await server.client().gql(SET, { i: 'TIERS_LIEUX', t: EVRY, y: 2023, v: 2 });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const member = await server.registerUser({ territoryCode: EVRY });
      expect((await member.ok(SET, { i: 'TIERS_LIEUX', t: EVRY, y: 2023, v: 2 })).setIndicatorValue.value).toBe(2);
      const other = await member.gql(SET, { i: 'TIERS_LIEUX', t: MASSY, y: 2023, v: 2 });
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const facilitator = await server.userWithRole('FACILITATOR', EVRY);
      expect((await facilitator.gql(SET, { i: 'TIERS_LIEUX', t: MASSY, y: 2023, v: 2 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const moderator = await server.userWithRole('MODERATOR', EVRY);
      expect((await moderator.ok(SET, { i: 'TIERS_LIEUX', t: MASSY, y: 2023, v: 3 })).setIndicatorValue.value).toBe(3);
      const createAsMember = await member.gql(
        `mutation { createIndicator(input: { code: "NOPE", name: "Non", unit: "x", description: "", higherIsBetter: true }) { code } }`,
      );
      expect(createAsMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('validates figures with clear French messages', async () => {
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ i: 'FIBRE_RACCORDABLE', t: EVRY, y: 2023, v: 120 }, 'BAD_USER_INPUT', /ne peut pas dépasser 100/],
        [{ i: 'FRANCECONNECT', t: EVRY, y: 2023, v: 0.5 }, 'BAD_USER_INPUT', /1 \(oui\) ou 0 \(non\)/],
        [{ i: 'FIBRE_RACCORDABLE', t: EVRY, y: 1990, v: 50 }, 'BAD_USER_INPUT', /année/],
        [{ i: 'INCONNU', t: EVRY, y: 2023, v: 1 }, 'NOT_FOUND', /Indicateur « INCONNU » introuvable/],
        [{ i: 'FIBRE_RACCORDABLE', t: '00000', y: 2023, v: 1 }, 'NOT_FOUND', /Territoire/],
        [{ i: 'LIEUX_MEDIATION', t: '91', y: 2023, v: 1 }, 'FORBIDDEN', /.*/],
      ];
      const member = await server.registerUser({ territoryCode: EVRY });
      for (const [variables, code, message] of cases) {
        const result = await (code === 'FORBIDDEN' ? member : admin).gql(SET, variables);
        expect(result.errors?.[0].extensions?.code).toBe(code);
        expect(result.errors?.[0].message).toMatch(message);
      }
    });
  });

  describe('CSV import', () => {
    const header = 'indicateur;territoire;annee;valeur;source';

    it('dry-runs with a per-line report, and imports nothing when one line is bad', async () => {
      const csv = [
        header,
        `ECOLES_EQUIPEES;${MASSY};2021;87,5;Inventaire`,
        `ECOLES_EQUIPEES;${CORBEIL};2021;1 234;`,
        `ECOLES_EQUIPEES;${EVRY};2021;92.25;`,
        `JEUX_DONNEES_OUVERTS;99999;2021;abc;`,
      ].join('\n');
      const dry = (await admin.ok(IMPORT, { csv, dry: true })).importIndicatorValues;
      expect(dry).toMatchObject({ imported: 0, valid: 2, dryRun: true });
      expect(dry.errors.map((e: { line: number }) => e.line)).toEqual([3, 5]);
      expect(dry.errors[0].message).toMatch(/ne peut pas dépasser 100/);
      expect(dry.errors[1].message).toMatch(/territoire inconnu « 99999 ».*valeur non numérique « abc »/i);

      const real = (await admin.ok(IMPORT, { csv, dry: false })).importIndicatorValues;
      expect(real).toMatchObject({ imported: 0, dryRun: false });
      expect(real.errors.map((e: { line: number }) => e.line)).toEqual([3, 5]);
      const { comparison } = await server.client().ok(COMPARE, { t: MASSY, g: 'CUSTOM', p: [EVRY, CORBEIL], y: 2021 });
      expect(rowOf(comparison, 'ECOLES_EQUIPEES')).toMatchObject({ value: null, outOf: 0 });
    });

    it('imports a clean file in one go, French decimals and "," files included', async () => {
      const semicolon = [
        header,
        `ECOLES_EQUIPEES;${MASSY};2021;87,5;Inventaire`,
        '',
        `ECOLES_EQUIPEES;${CORBEIL};2021;64 %;`,
        `FRANCECONNECT;${CORBEIL};2021;oui;`,
      ].join('\r\n');
      expect((await admin.ok(IMPORT, { csv: semicolon, dry: false })).importIndicatorValues).toMatchObject({ imported: 3, errors: [] });
      const comma = ['indicator,territory,year,value,source', `ECOLES_EQUIPEES,${EVRY},2021,"92,25","Rapport, annuel"`].join('\n');
      expect((await admin.ok(IMPORT, { csv: comma, dry: false })).importIndicatorValues).toMatchObject({ imported: 1, errors: [] });
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'CUSTOM', p: [MASSY, CORBEIL], y: 2021 });
      expect(rowOf(comparison, 'ECOLES_EQUIPEES')).toMatchObject({ value: 92.25, rank: 1, outOf: 3, peerMedian: 75.75, best: { code: MASSY } });
      expect(rowOf(comparison, 'FRANCECONNECT').peerValues).toEqual([{ territory: { code: CORBEIL }, value: 1, rank: 1 }]);
    });

    it('reports header problems, duplicates, unquoted decimal commas and other territories', async () => {
      const noHeader = (await admin.ok(IMPORT, { csv: 'a;b\n1;2', dry: true })).importIndicatorValues;
      expect(noHeader.errors).toEqual([{ line: 1, message: expect.stringMatching(/En-tête incomplet/) }]);
      const dup = (await admin.ok(IMPORT, { csv: `${header}\nTIERS_LIEUX;${EVRY};2022;1;\nTIERS_LIEUX;${EVRY};2022;2;`, dry: true })).importIndicatorValues;
      expect(dup.errors).toEqual([{ line: 3, message: expect.stringMatching(/doublon de la ligne 2/i) }]);
      const commas = (await admin.ok(IMPORT, { csv: `indicateur,territoire,annee,valeur\nTIERS_LIEUX,${EVRY},2022,1,5`, dry: true })).importIndicatorValues;
      expect(commas.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/trop de colonnes/i) });
      const member = await server.registerUser({ territoryCode: EVRY });
      const mine = (await member.ok(IMPORT, { csv: `${header}\nTIERS_LIEUX;${EVRY};2022;1;\nTIERS_LIEUX;${MASSY};2022;1;`, dry: false })).importIndicatorValues;
      expect(mine).toMatchObject({ imported: 0, errors: [{ line: 3 }] });
      expect(mine.errors[0].message).toMatch(/membre vérifié·e/);
      const anonymous = await server.client().gql(IMPORT, { csv: header, dry: true });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('maturity, saved peer lists, projects and CSV export', () => {
    it('compares maturity self-assessments with the peers’ median', async () => {
      const set = `mutation($t: String!, $th: Theme!, $y: Int!, $s: Int!, $j: String!) { setMaturityScore(territoryCode: $t, theme: $th, year: $y, score: $s, justification: $j) { score year theme } }`;
      await admin.ok(set, { t: EVRY, th: 'DATA_OPEN_DATA', y: 2023, s: 2, j: 'Premiers jeux de données publiés.' });
      await admin.ok(set, { t: EVRY, th: 'DATA_OPEN_DATA', y: 2024, s: 3, j: 'Portail open data ouvert en 2024.' });
      await admin.ok(set, { t: CORBEIL, th: 'DATA_OPEN_DATA', y: 2022, s: 4, j: 'Démarche open data engagée.' });
      await admin.ok(set, { t: MASSY, th: 'DATA_OPEN_DATA', y: 2024, s: 5, j: 'Démarche exemplaire et partagée.' });
      const tooHigh = await admin.gql(set, { t: EVRY, th: 'EDUCATION', y: 2024, s: 6, j: 'Beaucoup trop élevé.' });
      expect(tooHigh.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/entre 0 et 5/) });
      const { maturity } = await server
        .client()
        .ok(
          `{ maturity(territoryCode: "${EVRY}", peerGroup: POPULATION_BAND, year: 2023) { year rows { theme score assessedYear peerMedian peerCount justification } } }`,
        );
      expect(maturity.rows).toHaveLength(14);
      expect(maturity.rows.find((r: { theme: string }) => r.theme === 'DATA_OPEN_DATA')).toEqual({
        theme: 'DATA_OPEN_DATA',
        score: 2,
        assessedYear: 2023,
        peerMedian: 4,
        peerCount: 1,
        justification: 'Premiers jeux de données publiés.',
      });
      const latest = await server
        .client()
        .ok(`{ comparison(territoryCode: "${EVRY}", peerGroup: POPULATION_BAND, year: 2024) { maturity { rows { theme score peerMedian peerCount } } } }`);
      expect(latest.comparison.maturity.rows.find((r: { theme: string }) => r.theme === 'DATA_OPEN_DATA')).toEqual({
        theme: 'DATA_OPEN_DATA',
        score: 3,
        peerMedian: 4.5,
        peerCount: 2,
      });
    });

    it('saves a named peer list, private to its owner', async () => {
      const owner = await server.registerUser({ territoryCode: EVRY });
      const { savePeerList } = await owner.ok(
        `mutation { savePeerList(name: "Villes préfectures", peerCodes: ["${ETAMPES}", "${MASSY}"]) { id name peerCodes } }`,
      );
      await owner.ok(`mutation { savePeerList(name: "Villes préfectures", peerCodes: ["${ETAMPES}", "${CORBEIL}"]) { id } }`);
      const { myPeerLists } = await owner.ok(`{ myPeerLists { id name peerCodes } }`);
      expect(myPeerLists).toEqual([{ id: savePeerList.id, name: 'Villes préfectures', peerCodes: [ETAMPES, CORBEIL] }]);
      const { comparison } = await owner.ok(COMPARE, { t: EVRY, g: 'CUSTOM', l: savePeerList.id });
      expect(comparison.peers.map((p: { code: string }) => p.code)).toEqual([CORBEIL, ETAMPES]);
      const stranger = await server.registerUser({ territoryCode: EVRY });
      expect((await stranger.gql(COMPARE, { t: EVRY, g: 'CUSTOM', l: savePeerList.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await stranger.gql(`mutation { deletePeerList(id: "${savePeerList.id}") }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await owner.ok(`mutation { deletePeerList(id: "${savePeerList.id}") }`)).deletePeerList).toBe(true);
    });

    it('shows project sheets of better-ranked peers next to a lagging indicator', async () => {
      const project = await admin.ok(`mutation($input: ProjectInput!) { createProject(input: $input) { slug territoryCode } }`, {
        input: {
          title: 'Passage de la bureautique au logiciel libre',
          summary: 'Migration vers LibreOffice.',
          body: 'Retour d’expérience.',
          themes: ['PROCUREMENT_OPEN_SOURCE'],
          stage: 'DEPLOYED',
          territoryCode: MASSY,
        },
      });
      for (const [t, v] of [
        [EVRY, 10],
        [MASSY, 50],
        [CORBEIL, 20],
      ] as const)
        await admin.ok(SET, { i: 'PART_LOGICIELS_LIBRES', t, y: 2020, v });
      const { comparison } = await server.client().ok(COMPARE, { t: EVRY, g: 'POPULATION_BAND', y: 2020 });
      const row = rowOf(comparison, 'PART_LOGICIELS_LIBRES');
      expect(row).toMatchObject({ lagging: true, rank: 3, outOf: 3 });
      expect(row.peerProjects).toEqual([project.createProject]);
      const ahead = await server.client().ok(COMPARE, { t: MASSY, g: 'POPULATION_BAND', y: 2020 });
      expect(rowOf(ahead.comparison, 'PART_LOGICIELS_LIBRES')).toMatchObject({ lagging: false, peerProjects: [] });
    });

    it('exports a comparison as CSV', async () => {
      const { indicators } = await server.client().ok(`{ indicators { code } }`);
      const response = await fetch(`${server.url}/open-data/comparison.csv?territory=${EVRY}&group=POPULATION_BAND&year=2023`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/csv/);
      expect(response.headers.get('content-disposition')).toContain(`comparaison-${EVRY}-2023.csv`);
      const lines = (await response.text()).trim().split('\r\n');
      expect(lines).toHaveLength(indicators.length + 1);
      expect(lines[0]).toMatch(/^annee,territoire,territoire_nom,groupe_pairs,pairs,indicateur,/);
      expect(lines.find((l) => l.includes(',BUDGET_NUMERIQUE_HAB,'))).toMatch(/,25,1,1,/);
      const excel = await fetch(`${server.url}/open-data/comparison.csv?territory=${EVRY}&peers=${MASSY},${CORBEIL}&year=2021&format=excel`);
      const bytes = Buffer.from(await excel.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so spreadsheets read UTF-8
      const text = bytes.toString('utf8');
      expect(text).toContain(';ECOLES_EQUIPEES;');
      expect(text).toContain(';92,25;1;3;75,75;');
      expect((await fetch(`${server.url}/open-data/comparison.csv?territory=00000`)).status).toBe(404);
      expect((await fetch(`${server.url}/open-data/comparison.csv?territory=${EVRY}&year=abc`)).status).toBe(400);
    });
  });
});
