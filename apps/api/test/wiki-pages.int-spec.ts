import { createProject } from './wiki-fixtures';
import { startTestServer, TestServer } from './harness';

const CREATE_PAGE = `mutation($input: PageInput!) { createPage(input: $input) { id slug title revision bodyHtml } }`;
const UPDATE_PAGE = `mutation($id: ID!, $base: Int!, $input: PageInput!) { updatePage(id: $id, baseRevision: $base, input: $input) { revision body } }`;

describe('wiki: pages, links and backlinks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('links pages and sheets with [[Title]] and lists backlinks', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(user, { title: 'Portail famille' });
    const guide = (
      await user.ok(CREATE_PAGE, {
        input: { title: 'Guide des démarches', body: 'Voir [[Procédures école]] et [[Portail famille Évry-Courcouronnes|le portail]] ou [[Page absente]].' },
      })
    ).createPage;
    expect(guide.slug).toBe('guide-des-demarches');
    expect(guide.bodyHtml).toContain('<a href="/pages/nouveau?titre=Proc%C3%A9dures%20%C3%A9cole" class="wikilink-missing"');
    expect(guide.bodyHtml).toContain(`<a href="/projets/${project.slug}" class="wikilink">le portail</a>`);

    const school = (await user.ok(CREATE_PAGE, { input: { title: 'Procédures école', body: 'Retour au [[guide des démarches]].', parentId: guide.id } }))
      .createPage;
    const { page } = await server.client().ok(`{ page(slug: "guide-des-demarches") { bodyHtml backlinks { slug } children { slug } } }`);
    expect(page.bodyHtml).toContain(`<a href="/pages/${school.slug}" class="wikilink">Procédures école</a>`);
    expect(page.backlinks).toEqual([{ slug: school.slug }]);
    expect(page.children).toEqual([{ slug: school.slug }]);
    const { project: p } = await server.client().ok(`query($slug: String!) { project(slug: $slug) { backlinks { slug } } }`, { slug: project.slug });
    expect(p.backlinks).toEqual([{ slug: 'guide-des-demarches' }]);

    const dup = await user.gql(CREATE_PAGE, { input: { title: 'Guide des  démarches', body: '' } });
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
    const loop = await user.gql(`mutation($id: ID!, $input: PageInput!) { updatePage(id: $id, baseRevision: 1, input: $input) { id } }`, {
      id: guide.id,
      input: { title: 'Guide des démarches', body: 'x', parentId: school.id },
    });
    expect(loop.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('neither links nor records backlinks for [[…]] written in code', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const target = (await user.ok(CREATE_PAGE, { input: { title: 'Syntaxe du wiki', body: 'La page cible.' } })).createPage;
    const other = (await user.ok(CREATE_PAGE, { input: { title: 'Autre cible', body: 'Une autre page.' } })).createPage;
    const body = [
      'Pour lier, écrivez `[[Syntaxe du wiki]]` :',
      '',
      '```',
      '[[Syntaxe du wiki]]',
      '```',
      '',
      '    [[Syntaxe du wiki]]',
      '',
      'Mais [[Autre cible]] est un vrai lien.',
    ].join('\n');
    const howTo = (await user.ok(CREATE_PAGE, { input: { title: 'Comment lier des pages', body } })).createPage;
    expect(howTo.bodyHtml).toContain('<code>[[Syntaxe du wiki]]</code>');
    expect(howTo.bodyHtml).toContain('<pre><code>[[Syntaxe du wiki]]\n</code></pre>');
    expect(howTo.bodyHtml).not.toContain(`href="/pages/${target.slug}"`);
    expect(howTo.bodyHtml).toContain(`<a href="/pages/${other.slug}" class="wikilink">Autre cible</a>`);
    const backlinks = `query($slug: String!) { page(slug: $slug) { backlinks { slug } } }`;
    expect((await server.client().ok(backlinks, { slug: target.slug })).page.backlinks).toEqual([]);
    expect((await server.client().ok(backlinks, { slug: other.slug })).page.backlinks).toEqual([{ slug: howTo.slug }]);

    // Taking the link out of the code makes it a link and a backlink.
    await user.ok(UPDATE_PAGE, { id: howTo.id, base: 1, input: { title: 'Comment lier des pages', body: 'Voir [[Syntaxe du wiki]].' } });
    expect((await server.client().ok(backlinks, { slug: target.slug })).page.backlinks).toEqual([{ slug: howTo.slug }]);
  });

  it('keeps page history with conflicts, diff and permissions', async () => {
    const alice = await server.registerUser({ territoryCode: '91228' });
    const bob = await server.registerUser({ territoryCode: '91223' });
    expect((await server.client().gql(CREATE_PAGE, { input: { title: 'Anonyme', body: 'x' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const page = (await alice.ok(CREATE_PAGE, { input: { title: 'Modèle de cahier des charges', body: 'Clause un.' } })).createPage;
    expect((await bob.ok(UPDATE_PAGE, { id: page.id, base: 1, input: { title: page.title, body: 'Clause un. Clause deux.' } })).updatePage.revision).toBe(2);
    const stale = await alice.gql(UPDATE_PAGE, { id: page.id, base: 1, input: { title: page.title, body: 'Texte d’Alice' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 2, current: { body: 'Clause un. Clause deux.' } });
    const { page: p } = await server
      .client()
      .ok(`{ page(slug: "modele-de-cahier-des-charges") { revision diff(from: 1, to: 2) { chunks { kind text } } revisions { totalCount } } }`);
    expect(p.revision).toBe(2);
    expect(p.revisions.totalCount).toBe(2);
    expect(
      p.diff.chunks
        .filter((c: { kind: string }) => c.kind === 'ADDED')
        .map((c: { text: string }) => c.text)
        .join(''),
    ).toBe(' Clause deux.');
    const list = await server.client().ok(`{ pages(first: 50) { totalCount edges { node { title } } } }`);
    expect(list.pages.totalCount).toBeGreaterThanOrEqual(1);
  });
});
