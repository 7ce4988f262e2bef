import { createProject, projectInput } from './wiki-fixtures';
import { GqlResponse, startTestServer, TEST_DB, TestServer } from './harness';

jest.setTimeout(120_000);

const CREATE_PAGE = `mutation($input: PageInput!) { createPage(input: $input) { id slug } }`;
const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id slug } }`;
const SIMULTANEOUS = 6;

/** Splits simultaneous answers into winners and losers, failing on any other kind of error. */
function outcome(results: GqlResponse[]) {
  const unexpected = results.filter((r) => r.errors && r.errors[0].extensions?.code !== 'CONFLICT');
  expect(unexpected.map((r) => r.errors)).toEqual([]);
  return { winners: results.filter((r) => !r.errors), losers: results.filter((r) => r.errors) };
}

/**
 * Simultaneous creations racing for one slug never surface a raw unique-constraint error: pages
 * (unique title) and replications (one per territory) give one winner and CONFLICT with a French
 * message and the slug; sheets (same title allowed, `-2`…) all succeed with the next free slugs.
 * Run on SQLite and, with ESSAIM_TEST_DB=postgres, on PostgreSQL, where the race really reaches
 * the unique index.
 */
describe(`wiki: simultaneous creations with the same title (${TEST_DB})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SEARCH_ENGINE: 'fts' });
  });
  afterAll(() => server?.close());

  it('creates one page and refuses the others clearly', async () => {
    const clients = await Promise.all(Array.from({ length: SIMULTANEOUS }, () => server.registerUser()));
    const input = { title: 'Guide des marchés publics simultanés', body: 'Un guide.' };
    const { winners, losers } = outcome(await Promise.all(clients.map((c) => c.gql(CREATE_PAGE, { input }))));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(SIMULTANEOUS - 1);
    const slug = winners[0].data.createPage.slug;
    expect(slug).toBe('guide-des-marches-publics-simultanes');
    for (const loser of losers) {
      expect(loser.errors?.[0].message).toMatch(/^Une (autre )?page porte déjà ce titre/);
      expect(loser.errors?.[0].extensions?.slug).toBe(slug);
    }
    const pages = await server.client().ok(`{ pages(first: 100) { edges { node { slug } } } }`);
    expect(pages.pages.edges.filter((e: { node: { slug: string } }) => e.node.slug.startsWith(slug))).toHaveLength(1);
  });

  it('gives simultaneous sheets of one territory the next free slugs, as when created one after the other', async () => {
    const clients = await Promise.all(Array.from({ length: SIMULTANEOUS }, () => server.registerUser({ territoryCode: '91228' })));
    const input = projectInput({ title: 'Tiers-lieu simultané' });
    const results = await Promise.all(clients.map((c) => c.gql(CREATE_PROJECT, { input })));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const base = 'tiers-lieu-simultane-evry-courcouronnes';
    const expected = [base, ...Array.from({ length: SIMULTANEOUS - 1 }, (_, i) => `${base}-${i + 2}`)];
    expect(results.map((r) => r.data.createProject.slug).sort()).toEqual(expected.sort());
  });

  it('replicates a sheet once for a territory when asked simultaneously', async () => {
    const owner = await server.registerUser({ territoryCode: '91228' });
    const source = await createProject(owner, { title: 'Source répliquée en même temps' });
    const adopters = await Promise.all(Array.from({ length: SIMULTANEOUS }, () => server.registerUser({ territoryCode: '91174' })));
    const REPLICATE = `mutation($id: ID!, $code: String!) { replicateProject(sourceId: $id, territoryCode: $code) { slug } }`;
    const { winners, losers } = outcome(await Promise.all(adopters.map((c) => c.gql(REPLICATE, { id: source.id, code: '91174' }))));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(SIMULTANEOUS - 1);
    const slug = winners[0].data.replicateProject.slug;
    for (const loser of losers) {
      expect(loser.errors?.[0].message).toMatch(/^(Ce projet a déjà été répliqué pour ce territoire|Une fiche porte déjà ce titre pour ce territoire)/);
      expect(loser.errors?.[0].extensions?.slug).toBe(slug);
    }
    // The copy is a draft until an adopter publishes it; then it is the one replication listed.
    const { project: draft } = await adopters[0].ok(`query($slug: String!) { project(slug: $slug) { id isDraft } }`, { slug });
    expect(draft.isDraft).toBe(true);
    await adopters[0].ok(`mutation($id: ID!) { publishProject(id: $id) { id } }`, { id: draft.id });
    const { project } = await server.client().ok(`query($slug: String!) { project(slug: $slug) { replications { slug } } }`, { slug: source.slug });
    expect(project.replications).toEqual([{ slug }]);
  });
});
