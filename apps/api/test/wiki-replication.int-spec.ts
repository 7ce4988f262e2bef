import { createProject } from './wiki-fixtures';
import { startTestServer, TEST_DB, TestServer } from './harness';
import { drain, search } from './search-helpers';

const REPLICATE = `mutation($id: ID!, $code: String!) { replicateProject(sourceId: $id, territoryCode: $code) {
  id slug isDraft stage budgetEuros summary body sections { contact results pitfalls } territory { code } replicatedFrom { id slug } revisions { edges { node { comment } } } } }`;

describe('wiki: replication, lists and filters', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('replicates a sheet as a draft of the adopting territory, linked to the source, published on confirmation', async () => {
    const evry = await server.registerUser({ territoryCode: '91228' });
    const etampes = await server.registerUser({ territoryCode: '91223' });
    const dourdanModerator = await server.userWithRole('MODERATOR', '91');
    const source = await createProject(evry, {
      title: 'Tablettes à l’école',
      summary: 'Des tablettes dans les écoles d’Évry.',
      themes: ['EDUCATION'],
      budgetEuros: 260000,
      sections: { pitfalls: 'Former avant d’acheter.', results: '85 % des enseignants les utilisent.', contact: 'Direction de l’éducation, Évry' },
    });

    const forbidden = await evry.gql(REPLICATE, { id: source.id, code: '91223' });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const copy = (await etampes.ok(REPLICATE, { id: source.id, code: '91223' })).replicateProject;
    expect(copy).toMatchObject({
      isDraft: true,
      stage: 'IDEA',
      budgetEuros: null,
      territory: { code: '91223' },
      replicatedFrom: { id: source.id, slug: source.slug },
    });
    // What described Évry is cleared or marked for rewriting; what helps replicate is kept.
    expect(copy.sections).toMatchObject({ contact: null, results: null, pitfalls: 'Former avant d’acheter.' });
    expect(copy.summary).toBe('[À adapter] Des tablettes dans les écoles d’Évry.');
    expect(copy.body).toMatch(/^> \*\*À adapter\*\* : le texte ci-dessous décrit le projet mené à Évry-Courcouronnes\. Réécrivez-le pour Étampes/);
    expect(copy.body).toContain(source.body);
    expect(copy.slug).toBe('tablettes-a-l-ecole-etampes');
    expect(copy.revisions.edges[0].node.comment).toMatch(/Réplication de « Tablettes à l’école »/);
    const again = await etampes.gql(REPLICATE, { id: source.id, code: '91223' });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    // A draft: its territory's members (and the moderation) see it; nobody else, no list, no search, no open data.
    const bySlug = `query($slug: String!) { project(slug: $slug) { slug isDraft } }`;
    expect((await server.client().ok(bySlug, { slug: copy.slug })).project).toBeNull();
    expect((await evry.ok(bySlug, { slug: copy.slug })).project).toBeNull();
    expect((await etampes.ok(bySlug, { slug: copy.slug })).project).toEqual({ slug: copy.slug, isDraft: true });
    expect((await dourdanModerator.ok(bySlug, { slug: copy.slug })).project).toEqual({ slug: copy.slug, isDraft: true });
    const listed = async () =>
      (await server.client().ok(`{ projects(first: 100) { edges { node { slug } } } }`)).projects.edges.map((e: { node: { slug: string } }) => e.node.slug);
    expect(await listed()).not.toContain(copy.slug);
    const replicationsOfSource = async () =>
      (await server.client().ok(`query($slug: String!) { project(slug: $slug) { replications { slug } } }`, { slug: source.slug })).project.replications.map(
        (r: { slug: string }) => r.slug,
      );
    expect(await replicationsOfSource()).toEqual([]);
    const territoryList = async (client: typeof etampes | ReturnType<TestServer['client']>) =>
      (await client.ok(`{ territory(code: "91223") { projects(first: 10) { totalCount edges { node { slug isDraft } } } } }`)).territory.projects;
    expect((await territoryList(server.client())).totalCount).toBe(0);
    expect((await territoryList(etampes)).edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([copy.slug]);
    await drain(server);
    const found = async () => (await search(server.client(), 'Tablettes à l’école', { types: ['PROJECT'] })).hits.map((h) => h.url);
    expect(await found()).toEqual([`/projets/${source.slug}`]);
    const openData = async () => (await (await fetch(`${server.url}/open-data/projects.json`)).json()).projects.map((r: { slug: string }) => r.slug);
    expect(await openData()).not.toContain(copy.slug);

    // Only its territory (or the moderation) publishes it.
    const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { slug isDraft } }`;
    expect((await evry.gql(PUBLISH, { id: copy.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await server.client().gql(PUBLISH, { id: copy.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await etampes.ok(PUBLISH, { id: copy.id })).publishProject).toEqual({ slug: copy.slug, isDraft: false });
    expect((await etampes.ok(PUBLISH, { id: copy.id })).publishProject).toEqual({ slug: copy.slug, isDraft: false });
    expect((await server.client().ok(bySlug, { slug: copy.slug })).project).toEqual({ slug: copy.slug, isDraft: false });
    expect(await listed()).toContain(copy.slug);
    await drain(server);
    expect((await found()).sort()).toEqual([`/projets/${source.slug}`, `/projets/${copy.slug}`].sort());
    expect(await openData()).toContain(copy.slug);

    await dourdanModerator.ok(REPLICATE, { id: source.id, code: '91200' });
    expect(await replicationsOfSource()).toEqual([copy.slug]);
    const replica = await server
      .client()
      .ok(`query($slug: String!) { project(slug: $slug) { sections { pitfalls } replicatedFrom { title territory { name } } } }`, { slug: copy.slug });
    expect(replica.project).toEqual({
      sections: { pitfalls: 'Former avant d’acheter.' },
      replicatedFrom: { title: 'Tablettes à l’école', territory: { name: 'Évry-Courcouronnes' } },
    });

    const { territory } = await server
      .client()
      .ok(`{ territory(code: "91223") { projects(first: 10) { totalCount edges { node { slug replicatedFrom { slug } } } } } }`);
    expect(territory.projects.totalCount).toBe(1);
    expect(territory.projects.edges[0].node).toEqual({ slug: copy.slug, replicatedFrom: { slug: source.slug } });
    expect((await server.client().gql(REPLICATE, { id: source.id, code: '91223' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('filters by themes, stage, territory and blocked, and paginates', async () => {
    const moderator = await server.userWithRole('MODERATOR', '91');
    const mk = (title: string, o: Record<string, unknown>) => createProject(moderator, { title, ...o });
    const a = await mk('Filtre A', { themes: ['AGRICULTURE'], stage: 'IDEA', territoryCode: '91377' });
    const b = await mk('Filtre B', { themes: ['AGRICULTURE', 'DATA_OPEN_DATA'], stage: 'DEPLOYED', territoryCode: '91377' });
    const c = await mk('Filtre C', { themes: ['GOVERNANCE'], stage: 'DEPLOYED', territoryCode: '91377' });
    const { DataSource } = await import('typeorm');
    await server.app
      .get(DataSource)
      .createQueryBuilder()
      .update('project')
      .set({ isBlocked: true })
      .where('id = :id', { id: Number(c.id) })
      .execute();

    const list = async (filter: Record<string, unknown>, first = 20, after?: string) =>
      (
        await server
          .client()
          .ok(
            `query($f: ProjectFilter, $first: Int, $after: String) { projects(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title isBlocked } } } }`,
            { f: filter, first, after },
          )
      ).projects;
    const titles = (conn: { edges: { node: { title: string } }[] }) => conn.edges.map((e) => e.node.title).sort();

    expect(titles(await list({ territoryCode: '91377' }))).toEqual(['Filtre A', 'Filtre B', 'Filtre C']);
    expect(titles(await list({ territoryCode: '91377', themes: ['AGRICULTURE'] }))).toEqual(['Filtre A', 'Filtre B']);
    expect(titles(await list({ territoryCode: '91377', themes: ['DATA_OPEN_DATA', 'GOVERNANCE'] }))).toEqual(['Filtre B', 'Filtre C']);
    expect(titles(await list({ territoryCode: '91377', stage: 'DEPLOYED' }))).toEqual(['Filtre B', 'Filtre C']);
    expect(titles(await list({ territoryCode: '91377', blocked: true }))).toEqual(['Filtre C']);
    expect(titles(await list({ territoryCode: '91377', blocked: false }))).toEqual(['Filtre A', 'Filtre B']);

    const page1 = await list({ territoryCode: '91377' }, 2);
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({ territoryCode: '91377' }, 2, page1.pageInfo.endCursor);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(titles({ edges: [...page1.edges, ...page2.edges] })).toEqual(['Filtre A', 'Filtre B', 'Filtre C']);

    const tooMany = await server.client().gql(`{ projects(first: 500) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badTheme = await server.client().gql(`{ projects(filter: { themes: [NOPE] }) { totalCount } }`);
    expect(badTheme.errors?.length).toBeGreaterThan(0);
    expect([a, b].every((p) => p.id)).toBe(true);
  });

  it('exports projects as CSV (BOM, accents, ;) and JSON under the Licence Ouverte', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const p = await createProject(user, {
      title: 'Médiation « numérique » ; Évry',
      summary: 'Accents : é è à ç ô, guillemets "doubles" et\nretour à la ligne',
      budgetEuros: 10000,
      sections: {
        vendors: [
          { name: 'LibreOffice', openSource: true, licence: 'MPL-2.0' },
          { name: 'Outil privé', openSource: false },
        ],
      },
    });
    const formula = await createProject(user, { title: '=HYPERLINK("http://evil")' });

    const response = await fetch(`${server.url}/open-data/projects.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header] = text.slice(1).split('\r\n');
    expect(header.split(';').slice(0, 5)).toEqual(['id', 'slug', 'url', 'titre', 'resume']);
    expect(header).toContain('phase_statut');
    expect(text).toContain('"Médiation « numérique » ; Évry"');
    expect(text).toContain('"Accents : é è à ç ô, guillemets ""doubles"" et\nretour à la ligne"');
    expect(text).toContain(`'=HYPERLINK(""http://evil"")`);
    const ids = text
      .slice(1)
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => Number(line.split(';')[0]))
      .filter(Number.isFinite);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));

    const json = await (await fetch(`${server.url}/open-data/projects.json`)).json();
    expect(json.licence.name).toMatch(/Licence Ouverte/);
    const record = json.projects.find((r: { id: number }) => String(r.id) === p.id);
    expect(record).toMatchObject({
      titre: 'Médiation « numérique » ; Évry',
      collectivite_code: '91228',
      collectivite_nom: 'Évry-Courcouronnes',
      cout_euros: 10000,
      phase: 'Opération',
      phase_statut: 'En cours',
      logiciels_libres: ['LibreOffice (MPL-2.0)'],
      demonstration: false,
    });
    expect(record.cout_par_habitant).toBeGreaterThan(0);
    expect(json.projects.map((r: { id: number }) => r.id)).toEqual([...json.projects.map((r: { id: number }) => r.id)].sort((x: number, y: number) => x - y));
    expect(formula.id).toBeDefined();
  });

  it(`runs on ${TEST_DB}`, () => expect(['sqlite', 'postgres']).toContain(TEST_DB));
});
