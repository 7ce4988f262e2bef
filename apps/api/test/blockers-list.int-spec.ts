import { DataSource } from 'typeorm';
import { GqlClient, startTestServer, TestServer } from './harness';

const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id slug } }`;
const REPORT = `mutation($projectId: ID!, $input: BlockerInput!) { reportBlocker(projectId: $projectId, input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $status: BlockerStatus!, $resolution: String) { updateBlocker(id: $id, status: $status, resolution: $resolution) { id status } }`;
const LIST = `query($first: Int, $after: String, $departement: String, $epci: String, $theme: Theme, $category: BlockerCategory, $status: BlockerStatus, $severity: BlockerSeverity, $sort: BlockerSort) {
  blockers(first: $first, after: $after, departement: $departement, epci: $epci, theme: $theme, category: $category, status: $status, severity: $severity, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id category severity status openedAt project { title territory { code } } } }
  }
}`;

jest.setTimeout(60_000);

describe('browsing blockers (blockers)', () => {
  let server: TestServer;
  let anonymous: GqlClient;
  const ids: Record<string, string> = {};
  let evryEpci: string;

  type Node = { id: string; category: string; severity: string; status: string; openedAt: string; project: { title: string; territory: { code: string } } };
  const list = async (vars: Record<string, unknown>) =>
    (await anonymous.ok(LIST, { departement: '91', ...vars })).blockers as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: Node }[];
    };
  const idsOf = (connection: { edges: { node: Node }[] }) => connection.edges.map((e) => e.node.id);

  beforeAll(async () => {
    server = await startTestServer();
    const evry = await server.registerUser({ territoryCode: '91228' });
    const etampes = await server.registerUser({ territoryCode: '91223' });
    anonymous = server.client();
    evryEpci = (await server.app.get(DataSource).query(`SELECT "epciCode" FROM "territory" WHERE "code" = '91228'`))[0].epciCode;

    const report = async (client: GqlClient, territoryCode: string, name: string, themes: string[], input: Record<string, string>, openedAt: string) => {
      const { createProject } = await client.ok(CREATE_PROJECT, {
        input: { title: `Projet ${name}`, summary: 'Un projet pour lister des freins.', body: 'Texte.', themes, stage: 'IN_PROGRESS', territoryCode },
      });
      const { reportBlocker } = await client.ok(REPORT, {
        projectId: createProject.id,
        input: { description: `Frein ${name} décrit en détail.`, openedAt, ...input },
      });
      ids[name] = reportBlocker.id;
    };
    await report(evry, '91228', 'ancien', ['ONLINE_SERVICES'], { category: 'FUNDING', severity: 'HINDERING' }, '2025-01-10T00:00:00.000Z');
    await report(evry, '91228', 'bloquant', ['ONLINE_SERVICES'], { category: 'SKILLS_STAFF', severity: 'BLOCKING' }, '2025-03-10T00:00:00.000Z');
    await report(etampes, '91223', 'leve', ['EDUCATION'], { category: 'FUNDING', severity: 'HINDERING' }, '2025-06-10T00:00:00.000Z');
    await report(etampes, '91223', 'recent', ['EDUCATION'], { category: 'LEGAL', severity: 'HINDERING' }, '2025-09-10T00:00:00.000Z');
    await etampes.ok(UPDATE, { id: ids.leve, status: 'LIFTED', resolution: 'Une subvention régionale a financé la maintenance.' });
  });
  afterAll(() => server?.close());

  it('sorts active blockers first by default, then by report date, and by the other orders on request', async () => {
    expect(idsOf(await list({}))).toEqual([ids.recent, ids.bloquant, ids.ancien, ids.leve]);
    expect(idsOf(await list({ sort: 'NEWEST' }))).toEqual([ids.recent, ids.leve, ids.bloquant, ids.ancien]);
    expect(idsOf(await list({ sort: 'OLDEST' }))).toEqual([ids.ancien, ids.bloquant, ids.leve, ids.recent]);
    expect(idsOf(await list({ sort: 'SEVERITY' }))).toEqual([ids.bloquant, ids.recent, ids.leve, ids.ancien]);
    expect(idsOf(await list({ sort: 'RECENTLY_RESOLVED' }))[0]).toBe(ids.leve);
  });

  it('filters by category, status, severity, theme, EPCI and département', async () => {
    expect(idsOf(await list({ category: 'FUNDING' }))).toEqual([ids.ancien, ids.leve]);
    expect(idsOf(await list({ status: 'LIFTED' }))).toEqual([ids.leve]);
    expect(idsOf(await list({ severity: 'BLOCKING' }))).toEqual([ids.bloquant]);
    expect(idsOf(await list({ theme: 'EDUCATION' }))).toEqual([ids.recent, ids.leve]);
    const epci = await list({ epci: evryEpci });
    expect(idsOf(epci)).toEqual([ids.bloquant, ids.ancien]);
    expect(epci.edges[0].node.project).toEqual({ title: 'Projet bloquant', territory: { code: '91228' } });
    expect((await list({ departement: '75' })).totalCount).toBe(0);
    expect((await list({ category: 'FUNDING', status: 'OPEN', severity: 'HINDERING' })).totalCount).toBe(1);
  });

  it('pages with cursors without overlap, and refuses bad arguments with a French message', async () => {
    const first = await list({ first: 3 });
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await list({ first: 3, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...idsOf(first), ...idsOf(second)]).toEqual([ids.recent, ids.bloquant, ids.ancien, ids.leve]);

    const tooMany = await anonymous.gql(LIST, { first: 500 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badEpci = await anonymous.gql(LIST, { epci: '12' });
    expect(badEpci.errors?.[0]).toMatchObject({ message: expect.stringContaining('EPCI'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
