import { startTestServer, TestServer } from './harness';

describe('territories', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('finds Évry-Courcouronnes without accents', async () => {
    const { territories } = await server.client().ok(`{ territories(search: "evry", first: 5) { totalCount edges { node { code name kind } } } }`);
    expect(territories.edges[0].node).toEqual({ code: '91228', name: 'Évry-Courcouronnes', kind: 'COMMUNE' });
  });

  it('lists the communes and EPCI of the Essonne', async () => {
    const { communes, epcis } = await server.client().ok(`{
      communes: territories(kind: COMMUNE, departement: "91", first: 1) { totalCount }
      epcis: territories(kind: EPCI, departement: "91", first: 50) { totalCount edges { node { name } } }
    }`);
    expect(communes.totalCount).toBeGreaterThan(180);
    expect(epcis.totalCount).toBe(13);
  });

  it('gives a commune its EPCI and département, and an EPCI its members', async () => {
    const { territory } = await server.client().ok(`{ territory(code: "91228") { population departement { code name } epci { code kind members { code } } } }`);
    expect(territory.population).toBeGreaterThan(50000);
    expect(territory.departement).toEqual({ code: '91', name: 'Essonne' });
    expect(territory.epci.kind).toBe('EPCI');
    expect(territory.epci.members.map((m: { code: string }) => m.code)).toContain('91228');
  });

  it('returns null for an unknown code and paginates with cursors', async () => {
    const client = server.client();
    expect((await client.ok(`{ territory(code: "00000") { code } }`)).territory).toBeNull();
    const first = await client.ok(
      `{ territories(departement: "91", kind: COMMUNE, first: 2) { edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.territories.pageInfo.hasNextPage).toBe(true);
    const next = await client.ok(
      `query($after: String) { territories(departement: "91", kind: COMMUNE, first: 2, after: $after) { edges { node { code } } } }`,
      {
        after: first.territories.pageInfo.endCursor,
      },
    );
    const codes = [...first.territories.edges, ...next.territories.edges].map((e: { node: { code: string } }) => e.node.code);
    expect(new Set(codes).size).toBe(4);
  });
});
