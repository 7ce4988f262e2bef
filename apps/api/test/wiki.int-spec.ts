import { createProject, projectInput, UPDATE_PROJECT } from './wiki-fixtures';
import { startTestServer, TestServer } from './harness';

/** Project sheets through the public API: conflicts, history, diff, safe rendering, permissions. */
describe('wiki: project sheets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('creates a sheet with a stable readable slug, sections and the cost per inhabitant', async () => {
    const evry = await server.registerUser({ territoryCode: '91228' });
    const data = await evry.ok(
      `mutation($input: ProjectInput!) { createProject(input: $input) { slug revision themes stage costPerInhabitant territory { code population }
        sections { prerequisites duration vendors { name openSource licence } } } }`,
      {
        input: projectInput({
          title: 'Cabine de télémédecine',
          sections: { prerequisites: 'Une maison de santé', duration: '9 mois', vendors: [{ name: 'Decidim', openSource: true, licence: 'AGPL-3.0' }] },
        }),
      },
    );
    const p = data.createProject;
    expect(p.slug).toBe('cabine-de-telemedecine-evry-courcouronnes');
    expect(p.revision).toBe(1);
    expect(p.sections).toEqual({
      prerequisites: 'Une maison de santé',
      duration: '9 mois',
      vendors: [{ name: 'Decidim', openSource: true, licence: 'AGPL-3.0' }],
    });
    expect(p.costPerInhabitant).toBeCloseTo(Math.round((66919 / p.territory.population) * 100) / 100, 2);

    const again = await createProject(evry, { title: 'Cabine de télémédecine' });
    expect(again.slug).toBe('cabine-de-telemedecine-evry-courcouronnes-2');
    const renamed = await evry.ok(UPDATE_PROJECT, { id: again.id, base: 1, input: projectInput({ title: 'Autre titre' }) });
    expect(renamed.updateProject.title).toBe('Autre titre');
    const bySlug = await server.client().ok(`{ project(slug: "cabine-de-telemedecine-evry-courcouronnes-2") { title } }`);
    expect(bySlug.project.title).toBe('Autre titre');
  });

  it('refuses the second of two saves from the same base revision, losing nothing', async () => {
    const alice = await server.registerUser({ territoryCode: '91228' });
    const bob = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(alice);
    const aliceText = projectInput({ body: 'Texte d’Alice : trois médecins et une infirmière.' });
    const bobText = projectInput({ body: 'Texte de Bob : deux cabines.' });

    const first = await alice.ok(UPDATE_PROJECT, { id: project.id, base: 1, input: aliceText, comment: 'Alice' });
    expect(first.updateProject.revision).toBe(2);
    const second = await bob.gql(UPDATE_PROJECT, { id: project.id, base: 1, input: bobText, comment: 'Bob' });
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0].message).toMatch(/révision 2/);
    expect(second.errors?.[0].extensions?.currentRevision).toBe(2);
    expect((second.errors?.[0].extensions?.current as { body: string }).body).toBe(aliceText.body);

    const after = await server
      .client()
      .ok(
        `query($slug: String!) { project(slug: $slug) { body revision revisions { totalCount edges { node { number comment author { displayName } } } } } }`,
        { slug: project.slug },
      );
    expect(after.project.body).toBe(aliceText.body);
    expect(after.project.revision).toBe(2);
    expect(after.project.revisions.totalCount).toBe(2);
    expect(after.project.revisions.edges[0].node.comment).toBe('Alice');
  });

  it('lets exactly one of two simultaneous saves win', async () => {
    const a = await server.registerUser({ territoryCode: '91228' });
    const b = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(a);
    const results = await Promise.all([
      a.gql(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ body: 'Version A' }) }),
      b.gql(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ body: 'Version B' }) }),
    ]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const current = await server
      .client()
      .ok(`query($slug: String!) { project(slug: $slug) { body revision revisions { totalCount } } }`, { slug: project.slug });
    expect(current.project.revision).toBe(2);
    expect(current.project.revisions.totalCount).toBe(2);
    expect(current.project.body).toBe(winners[0].data.updateProject.body);
  });

  it('diffs revisions 1 and 3 word by word, showing exactly the changed words', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(user, { body: 'Le projet relie trois médecins de la commune.' });
    await user.ok(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ body: 'Le projet relie cinq médecins de la commune.' }) });
    await user.ok(UPDATE_PROJECT, { id: project.id, base: 2, input: projectInput({ body: 'Le projet relie cinq médecins de la vallée.' }) });
    const { project: p } = await server
      .client()
      .ok(`query($slug: String!) { project(slug: $slug) { diff(from: 1, to: 3) { from to chunks { kind text } } } }`, { slug: project.slug });
    const changed = p.diff.chunks.filter((c: { kind: string }) => c.kind !== 'UNCHANGED');
    expect(changed).toEqual([
      { kind: 'REMOVED', text: 'trois' },
      { kind: 'ADDED', text: 'cinq' },
      { kind: 'REMOVED', text: 'commune' },
      { kind: 'ADDED', text: 'vallée' },
    ]);
    expect(
      p.diff.chunks
        .filter((c: { kind: string }) => c.kind !== 'ADDED')
        .map((c: { text: string }) => c.text)
        .join(''),
    ).toContain('Le projet relie trois médecins de la commune.');
    // Values as a reader knows them: the territory's name, not only its code.
    expect(p.diff.chunks.map((c: { text: string }) => c.text).join('')).toContain('Territoire : Évry-Courcouronnes (91228)');
    const missing = await server.client().gql(`query($slug: String!) { project(slug: $slug) { diff(from: 1, to: 9) { from } } }`, { slug: project.slug });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('restores an old revision as a new revision', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(user, { body: 'Version initiale.' });
    await user.ok(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ body: 'Version vandalisée.' }) });
    const { restoreProjectRevision: r } = await user.ok(
      `mutation($id: ID!) { restoreProjectRevision(id: $id, revision: 1) { revision body revisions(first: 1) { edges { node { number comment } } } } }`,
      { id: project.id },
    );
    expect(r.revision).toBe(3);
    expect(r.body).toBe('Version initiale.');
    expect(r.revisions.edges[0].node).toEqual({ number: 3, comment: 'Restauration de la révision 1' });
  });

  it('renders scripts, event handlers, javascript: links and iframes inert', async () => {
    const user = await server.registerUser({ territoryCode: '91228' });
    const body = [
      '<script>alert("xss")</script>',
      '<img src="x" onerror="alert(1)">',
      '[clic](javascript:alert(2))',
      '<a href="javascript:alert(3)">lien</a>',
      '<iframe src="https://example.org"></iframe>',
      '<div onclick="alert(4)">div</div>',
      '**gras**',
    ].join('\n\n');
    const project = await createProject(user, { body });
    const html: string = project.bodyHtml;
    expect(project.body).toBe(body); // stored as typed
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('<strong>gras</strong>');
    const preview = await server.client().ok(`query($md: String!) { previewMarkdown(markdown: $md) }`, { md: body });
    expect(preview.previewMarkdown).toBe(html);
  });

  it('applies permissions: anonymous, another territory, moderator', async () => {
    const owner = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(owner);
    const anonymous = server.client();
    const other = await server.registerUser({ territoryCode: '91223' });
    const moderator = await server.userWithRole('MODERATOR', '91');

    expect(
      (await anonymous.gql(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, { input: projectInput() })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await anonymous.gql(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await other.gql(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, { input: projectInput() })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const denied = await other.gql(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ body: 'intrus' }) });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(denied.errors?.[0].message).toMatch(/collectivité porteuse/);
    expect((await anonymous.ok(`query($slug: String!) { project(slug: $slug) { title viewerCanEdit } }`, { slug: project.slug })).project).toEqual({
      title: project.title,
      viewerCanEdit: false,
    });

    const edited = await moderator.ok(UPDATE_PROJECT, {
      id: project.id,
      base: 1,
      input: projectInput({ body: 'Relu par la modération.' }),
      comment: 'Relecture',
    });
    expect(edited.updateProject.revision).toBe(2);
    const created = await moderator.ok(`mutation($input: ProjectInput!) { createProject(input: $input) { territory { code } } }`, {
      input: projectInput({ territoryCode: '91223' }),
    });
    expect(created.createProject.territory.code).toBe('91223');

    const invalid = await owner.gql(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, {
      input: projectInput({ themes: [], title: 'x' }),
    });
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await moderator.gql(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, {
      input: projectInput({ territoryCode: '99999' }),
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const ghost = await owner.gql(UPDATE_PROJECT, { id: '999999', base: 1, input: projectInput() });
    expect(ghost.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets moderators hide a vandalised revision from public view without deleting it', async () => {
    const owner = await server.registerUser({ territoryCode: '91228' });
    const vandal = await server.registerUser({ territoryCode: '91228' });
    const moderator = await server.userWithRole('MODERATOR', '91');
    const project = await createProject(owner, { body: 'Contenu sérieux.' });
    await vandal.ok(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ body: 'INSULTES' }), comment: 'commentaire injurieux' });

    const hide = `mutation($id: ID!, $hidden: Boolean!) { hideProjectRevision(id: $id, revision: 2, hidden: $hidden, reason: "Vandalisme") { revision body } }`;
    expect((await owner.gql(hide, { id: project.id, hidden: true })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hidden = await moderator.ok(hide, { id: project.id, hidden: true });
    expect(hidden.hideProjectRevision).toEqual({ revision: 3, body: 'Contenu sérieux.' });

    const history = `query($slug: String!) { project(slug: $slug) { revisions { totalCount edges { node { number hidden comment hiddenReason author { id } } } } } }`;
    const pub = await server.client().ok(history, { slug: project.slug });
    const rev2 = pub.project.revisions.edges.find((e: { node: { number: number } }) => e.node.number === 2).node;
    expect(pub.project.revisions.totalCount).toBe(3);
    expect(rev2).toEqual({ number: 2, hidden: true, comment: null, hiddenReason: null, author: { id: vandal.userId } });
    const diff = await server
      .client()
      .gql(`query($slug: String!) { project(slug: $slug) { diff(from: 1, to: 2) { chunks { text } } } }`, { slug: project.slug });
    expect(diff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const restore = await owner.gql(`mutation($id: ID!) { restoreProjectRevision(id: $id, revision: 2) { revision } }`, { id: project.id });
    expect(restore.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const mod = await moderator.ok(history, { slug: project.slug });
    expect(mod.project.revisions.edges.find((e: { node: { number: number } }) => e.node.number === 2).node).toMatchObject({
      comment: 'commentaire injurieux',
      hiddenReason: 'Vandalisme',
    });
    const modDiff = await moderator.ok(`query($slug: String!) { project(slug: $slug) { diff(from: 1, to: 2) { chunks { kind text } } } }`, {
      slug: project.slug,
    });
    expect(modDiff.project.diff.chunks).toContainEqual({ kind: 'ADDED', text: 'INSULTES' });
  });

  it('indexes the current visible content for search', async () => {
    const { SearchSourcesRegistry } = await import('../src/search/search-sources.registry');
    const owner = await server.registerUser({ territoryCode: '91228' });
    const project = await createProject(owner, { body: 'Un **texte** indexé.' });
    const [doc] = await server.app.get(SearchSourcesRegistry).get('PROJECT')!.load([project.id]);
    expect(doc).toMatchObject({
      type: 'PROJECT',
      id: project.id,
      url: `/projets/${project.slug}`,
      territoryCode: '91228',
      territoryName: 'Évry-Courcouronnes',
    });
    expect(doc!.body).toContain('Un texte indexé.');
    expect(doc!.body).not.toContain('**');
  });
});
