import { SearchIndexer } from '../src/search/search-indexer.service';
import { GqlClient, startTestServer, TEST_DB, TestServer } from './harness';
import { drain, hasMeili, meiliOrSkip, MemorySource, search } from './search-helpers';

jest.setTimeout(120_000);

const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id slug revision } }`;

/** The same expectations on Meilisearch and on the database fallback. */
const engines = [
  { label: 'Meilisearch', env: {}, expected: 'meilisearch', enabled: hasMeili() || meiliOrSkip() },
  { label: 'database full-text fallback', env: { SEARCH_ENGINE: 'fts' }, expected: TEST_DB === 'postgres' ? 'postgres-fts' : 'sqlite-fts5', enabled: true },
];

describe.each(engines)('search on $label', ({ env, expected, enabled }) => {
  const maybe = enabled ? it : it.skip;
  let server: TestServer;
  let member: GqlClient & { userId: string };
  let anonymous: GqlClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!enabled) return;
    server = await startTestServer(env);
    member = await server.registerUser();
    anonymous = server.client();
    const projects = [
      {
        key: 'telemedecine',
        title: 'Télémédecine à Étampes',
        summary: 'Une cabine de téléconsultation en mairie pour les habitants sans médecin traitant.',
        body: 'La commune a installé une cabine de **télémédecine** avec une infirmière. Voir aussi <script>alert(1)</script> & <b>gras</b>.',
        themes: ['HEALTH_TELEMEDICINE'],
        stage: 'DEPLOYED',
        territoryCode: '91223',
      },
      {
        key: 'teletravail',
        title: 'Tiers-lieu et télétravail en Sud-Essonne',
        summary: 'Un espace de coworking pour limiter les trajets domicile-travail.',
        body: 'Le télétravail réduit les déplacements : un tiers-lieu intercommunal ouvert en 2024.',
        themes: ['MOBILITY_TELEWORK'],
        stage: 'IN_PROGRESS',
        territoryCode: '91228',
      },
      {
        key: 'cantine',
        title: 'Inscription à la cantine en ligne',
        summary: 'Les familles inscrivent leurs enfants à la cantine scolaire depuis le portail citoyen.',
        body: 'Paiement en ligne, menus de la cantine et allergies déclarées par les familles.',
        themes: ['ONLINE_SERVICES', 'EDUCATION'],
        stage: 'DEPLOYED',
        territoryCode: '91228',
      },
    ];
    for (const { key, ...input } of projects) {
      // Members write sheets for their own collectivité.
      const author = input.territoryCode === '91228' ? member : await server.registerUser({ territoryCode: input.territoryCode });
      ids[key] = (await author.ok(CREATE_PROJECT, { input })).createProject.id;
    }
    await drain(server);
  });

  afterAll(async () => {
    await server?.close();
  });

  maybe('says which engine answered', async () => {
    const result = await search(anonymous, 'etampes');
    expect(result.engine).toBe(expected);
  });

  maybe.each([
    ['telemedecine', 'Télémédecine à Étampes'],
    ['teletravial', 'Tiers-lieu et télétravail en Sud-Essonne'],
    ['cantinne', 'Inscription à la cantine en ligne'],
    ['TELEMEDECINE etampes', 'Télémédecine à Étampes'],
  ])('finds projects typed without accents and with typos: %s', async (q, title) => {
    const result = await search(anonymous, q, { types: ['PROJECT'] });
    expect(result.hits.map((h) => h.title)).toContain(title);
    expect(result.hits[0].title).toBe(title);
  });

  maybe('finds the commune "etampes" → Étampes among territories', async () => {
    const result = await search(anonymous, 'etampes', { types: ['TERRITORY'] });
    expect(result.hits[0]).toMatchObject({ type: 'TERRITORY', id: '91223', title: 'Étampes', url: '/territoires/91223' });
  });

  maybe('highlights with <mark> only and escapes everything else', async () => {
    const result = await search(anonymous, 'telemedecine infirmiere', { types: ['PROJECT'] });
    const hit = result.hits.find((h) => h.id === ids.telemedecine)!;
    expect(hit.snippet).toMatch(/<mark>[^<]*<\/mark>/);
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    const withTags = await search(anonymous, 'alert gras', { types: ['PROJECT'] });
    const snippet = withTags.hits.find((h) => h.id === ids.telemedecine)?.snippet ?? '';
    expect(snippet).not.toContain('<script');
    expect(snippet).not.toContain('<b>');
  });

  maybe('filters by type, theme and territory and counts facets', async () => {
    const all = await search(anonymous, '', { types: ['PROJECT'] });
    expect(all.total).toBe(3);
    const facet = (r: typeof all, field: string) => Object.fromEntries(r.facets.find((f) => f.field === field)!.values.map((v) => [v.value, v.count]));
    expect(facet(all, 'type')).toEqual({ PROJECT: 3 });
    expect(facet(all, 'themes')).toMatchObject({ HEALTH_TELEMEDICINE: 1, MOBILITY_TELEWORK: 1, ONLINE_SERVICES: 1, EDUCATION: 1 });
    expect(facet(all, 'stage')).toEqual({ DEPLOYED: 2, IN_PROGRESS: 1 });
    expect(facet(all, 'territoryCode')).toEqual({ '91228': 2, '91223': 1 });

    const byTheme = await search(anonymous, '', { types: ['PROJECT'], themes: ['EDUCATION', 'HEALTH_TELEMEDICINE'] });
    expect(byTheme.hits.map((h) => h.id).sort()).toEqual([ids.telemedecine, ids.cantine].sort());
    const byTerritory = await search(anonymous, '', { types: ['PROJECT'], territoryCode: '91228' });
    expect(byTerritory.hits.map((h) => h.id).sort()).toEqual([ids.teletravail, ids.cantine].sort());

    const mixed = await search(anonymous, 'etampes');
    const types = facet(mixed, 'type');
    expect(types.PROJECT).toBeGreaterThanOrEqual(1);
    expect(types.TERRITORY).toBeGreaterThanOrEqual(1);
  });

  maybe('paginates with a bounded page size', async () => {
    const page1 = await search(anonymous, '', { types: ['TERRITORY'], first: 5, offset: 0 });
    const page2 = await search(anonymous, '', { types: ['TERRITORY'], first: 5, offset: 5 });
    expect(page1.hits).toHaveLength(5);
    expect(page2.hits).toHaveLength(5);
    expect(page1.hits.map((h) => h.id)).not.toEqual(expect.arrayContaining(page2.hits.map((h) => h.id)));
    expect(page1.total).toBeGreaterThan(200);
    const tooMany = await anonymous.gql(`{ search(q: "a", first: 51) { total } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toMatch(/50/);
    const badTerritory = await anonymous.gql(`{ search(q: "a", territoryCode: "x'; drop") { total } }`);
    expect(badTerritory.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  maybe('follows edits and never shows content its source hides', async () => {
    const source = MemorySource.install(server);
    await source.save(server, [
      { id: 't1', title: 'Sujet public sur la fibre optique', body: 'Le déploiement du très haut débit.' },
      { id: 't2', title: 'Brouillon caché zorglub', body: 'Non publié.', visible: false },
    ]);
    await drain(server);
    expect((await search(anonymous, 'fibre optique')).hits.map((h) => h.id)).toContain('t1');
    expect((await search(anonymous, 'zorglub')).total).toBe(0);

    // t1 gets hidden (e.g. moderated), t2 published: the index follows.
    await source.save(server, [
      { id: 't1', title: 'Sujet public sur la fibre optique', body: 'Le déploiement du très haut débit.', visible: false },
      { id: 't2', title: 'Publication zorglub', body: 'Publié.' },
    ]);
    await drain(server);
    expect((await search(anonymous, 'fibre optique')).hits.map((h) => h.id)).not.toContain('t1');
    expect((await search(anonymous, 'zorglub')).hits.map((h) => h.id)).toEqual(['t2']);
  });

  maybe('a hidden project revision never appears in results', async () => {
    const moderator = await server.userWithRole('MODERATOR');
    const created = (
      await member.ok(CREATE_PROJECT, {
        input: {
          title: 'Wifi public en médiathèque',
          summary: 'Accès libre.',
          body: 'Bornes wifi.',
          themes: ['DIGITAL_INCLUSION'],
          stage: 'IDEA',
          territoryCode: '91228',
        },
      })
    ).createProject;
    const vandal = await server.registerUser();
    const updated = await vandal.ok(
      `mutation($id: ID!, $base: Int!, $input: ProjectInput!) { updateProject(id: $id, baseRevision: $base, input: $input) { revision } }`,
      {
        id: created.id,
        base: created.revision,
        input: {
          title: 'Wifi public en médiathèque',
          summary: 'Accès libre.',
          body: 'Achetez sur casinoxyzpromo.',
          themes: ['DIGITAL_INCLUSION'],
          stage: 'IDEA',
          territoryCode: '91228',
        },
      },
    );
    await drain(server);
    expect((await search(anonymous, 'casinoxyzpromo')).total).toBe(1);
    await moderator.ok(`mutation($id: ID!, $rev: Int!) { hideProjectRevision(id: $id, revision: $rev, hidden: true, reason: "Spam") { id } }`, {
      id: created.id,
      rev: updated.updateProject.revision,
    });
    await drain(server);
    expect((await search(anonymous, 'casinoxyzpromo')).total).toBe(0);
    expect((await search(anonymous, 'mediatheque wifi')).hits.map((h) => h.id)).toContain(created.id);
  });

  maybe('reindexes while queries keep answering (zero failures)', async () => {
    const indexer = server.app.get(SearchIndexer);
    const threads = MemorySource.install(server);
    await threads.save(
      server,
      Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, title: `Sujet ${i} sur la cantine`, body: 'Menus et inscriptions.' })),
    );
    await drain(server);
    threads.delayMs = 100;
    let stop = false;
    let failures = 0;
    let queries = 0;
    const loop = async () => {
      while (!stop) {
        const r = await anonymous.gql(`{ search(q: "telemedecine", types: [PROJECT]) { total hits { id } } }`);
        queries++;
        if (r.errors || !r.data?.search.hits.some((h: { id: string }) => h.id === ids.telemedecine)) failures++;
      }
    };
    const loops = [loop(), loop()];
    // Meanwhile a change flows through the outbox: it must survive the swap.
    const change = threads.save(server, [{ id: 'r0', title: 'Sujet renommé pendant la reconstruction', body: 'Menus.' }]);
    const result = await indexer.reindexAll(25);
    await change;
    stop = true;
    await Promise.all(loops);
    expect(result.documents).toBeGreaterThan(200);
    expect(queries).toBeGreaterThan(2);
    expect(failures).toBe(0);
    expect((await search(anonymous, 'cantinne', { types: ['PROJECT'] })).hits.map((h) => h.id)).toContain(ids.cantine);
    expect((await search(anonymous, 'etampes', { types: ['TERRITORY'] })).hits[0].id).toBe('91223');
    await drain(server);
    expect((await search(anonymous, 'reconstruction renomme')).hits.map((h) => h.id)).toEqual(['r0']);
    expect((await search(anonymous, 'sujet', { types: ['THREAD'] })).total).toBe(40);
  });

  maybe('reports the engine in /healthz', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.components.search).toMatchObject({ engine: expected, status: expected === 'meilisearch' ? 'ok' : 'degraded', pendingChanges: 0 });
  });
});
