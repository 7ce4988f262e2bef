import { DataSource } from 'typeorm';
import { Blocker } from '../src/blockers/blocker.entity';
import { NotificationsService } from '../src/notifications/notifications.service';
import { GqlClient, startTestServer, TEST_DB, TestServer } from './harness';

const DAY = 86_400_000;
const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id slug isBlocked } }`;
const REPORT = `mutation($projectId: ID!, $input: BlockerInput!) {
  reportBlocker(projectId: $projectId, input: $input) { id status severity category description openedAt resolvedAt resolution confidential }
}`;
const UPDATE = `mutation($id: ID!, $status: BlockerStatus!, $resolution: String, $comment: String) {
  updateBlocker(id: $id, status: $status, resolution: $resolution, comment: $comment) {
    id status resolution openedAt resolvedAt resolvedBy { displayName }
    timeline { previousStatus status resolution comment at author { displayName } }
  }
}`;
const PROJECT = `query($slug: String!) { project(slug: $slug) { id isBlocked blockers { id status description descriptionHidden canUpdate } } }`;
const STATS = `query($departement: String, $theme: Theme, $epci: String) {
  blockerStats(departement: $departement, theme: $theme, epci: $epci) {
    total open lifted abandoned
    byCategory { category open lifted workedAround medianDaysToLift }
    byTheme { theme open lifted total }
    politicalVsResources { political resources other politicalShare resourcesShare }
    trend { month opened lifted }
  }
}`;

type Client = GqlClient & { userId: string };

// Server start and territory import take a few seconds on a shared, busy machine.
jest.setTimeout(60_000);

describe('blockers (freins) over HTTP', () => {
  let server: TestServer;
  let db: DataSource;
  let evry: Client; // member of Évry-Courcouronnes (91228)
  let etampes: Client; // member of Étampes (91223)
  let moderator: Client;
  let anonymous: GqlClient;
  let counter = 0;

  const sql = (text: string) => (TEST_DB === 'postgres' ? text : text.replace(/\$\d+/g, '?'));

  async function createProject(client: GqlClient, territoryCode: string, themes: string[]): Promise<{ id: string; slug: string }> {
    const { createProject } = await client.ok(CREATE_PROJECT, {
      input: {
        title: `Projet de test ${++counter} ${territoryCode}`,
        summary: 'Un projet pour tester les freins.',
        body: 'Texte du projet.',
        themes,
        stage: 'IN_PROGRESS',
        territoryCode,
      },
    });
    return createProject;
  }

  function report(client: GqlClient, projectId: string, input: Record<string, unknown>) {
    return client.gql(REPORT, { projectId, input: { severity: 'HINDERING', description: 'Un frein décrit assez longuement.', ...input } });
  }

  async function reportOk(client: GqlClient, projectId: string, input: Record<string, unknown>) {
    const result = await report(client, projectId, input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.reportBlocker as { id: string; status: string; openedAt: string };
  }

  const lift = (client: GqlClient, id: string, resolution = 'Levé grâce à une mutualisation avec l’agglomération.') =>
    client.ok(UPDATE, { id, status: 'LIFTED', resolution });

  /** A commune of the Essonne whose population is in [min, max], other than `except`. */
  async function communeWithPopulation(min: number, max: number, except: string[] = []): Promise<string> {
    const rows = await db.query(
      sql(`SELECT "code" FROM "territory" WHERE "kind" = 'COMMUNE' AND "departementCode" = '91' AND "population" BETWEEN $1 AND $2 ORDER BY "code"`),
      [min, max],
    );
    const code = rows.map((r: { code: string }) => r.code).find((c: string) => !except.includes(c));
    if (!code) throw new Error(`No commune of 91 with ${min}–${max} inhabitants`);
    return code;
  }

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    evry = await server.registerUser({ territoryCode: '91228' });
    etampes = await server.registerUser({ territoryCode: '91223' });
    moderator = await server.userWithRole('MODERATOR', '91');
    anonymous = server.client();
  });
  afterAll(() => server.close());

  it('records statuses, dates, resolution and the timeline; reopening clears the resolution', async () => {
    const project = await createProject(evry, '91228', ['ONLINE_SERVICES']);
    const before = Date.now();
    const blocker = await reportOk(evry, project.id, { category: 'FUNDING', severity: 'HINDERING' });
    expect(blocker).toMatchObject({ status: 'OPEN', resolvedAt: null, resolution: null, confidential: false });
    expect(new Date(blocker.openedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const started = await evry.ok(UPDATE, { id: blocker.id, status: 'IN_PROGRESS', comment: 'Dossier de subvention déposé.' });
    expect(started.updateBlocker).toMatchObject({ status: 'IN_PROGRESS', resolvedAt: null });

    const lifted = (await lift(evry, blocker.id, 'Subvention obtenue auprès du Département.')).updateBlocker;
    expect(lifted).toMatchObject({ status: 'LIFTED', resolution: 'Subvention obtenue auprès du Département.' });
    expect(new Date(lifted.resolvedAt).getTime()).toBeGreaterThanOrEqual(new Date(lifted.openedAt).getTime());
    expect(lifted.resolvedBy.displayName).toBeTruthy();

    const reopened = (await evry.ok(UPDATE, { id: blocker.id, status: 'OPEN', comment: 'La subvention a été retirée.' })).updateBlocker;
    expect(reopened).toMatchObject({ status: 'OPEN', resolution: null, resolvedAt: null, resolvedBy: null });
    expect(reopened.timeline.map((e: { previousStatus: string | null; status: string }) => [e.previousStatus, e.status])).toEqual([
      [null, 'OPEN'],
      ['OPEN', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'LIFTED'],
      ['LIFTED', 'OPEN'],
    ]);
    expect(reopened.timeline[2].resolution).toBe('Subvention obtenue auprès du Département.');
    expect(reopened.timeline[1].comment).toBe('Dossier de subvention déposé.');
  });

  it('refuses bad transitions, a missing resolution and invalid input with BAD_USER_INPUT', async () => {
    const project = await createProject(evry, '91228', ['ONLINE_SERVICES']);
    const blocker = await reportOk(evry, project.id, { category: 'GOVERNANCE' });

    const noResolution = await evry.gql(UPDATE, { id: blocker.id, status: 'WORKED_AROUND' });
    expect(noResolution.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noResolution.errors?.[0].message).toMatch(/Expliquez comment/);

    const same = await evry.gql(UPDATE, { id: blocker.id, status: 'OPEN' });
    expect(same.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(same.errors?.[0].message).toMatch(/déjà « Ouvert »/);

    const resolutionOnAbandon = await evry.gql(UPDATE, { id: blocker.id, status: 'ABANDONED', resolution: 'Pas de résolution ici.' });
    expect(resolutionOnAbandon.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    await evry.ok(UPDATE, { id: blocker.id, status: 'ABANDONED', comment: 'Projet mis en pause.' });
    const closedToClosed = await evry.gql(UPDATE, { id: blocker.id, status: 'LIFTED', resolution: 'Finalement levé autrement.' });
    expect(closedToClosed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(closedToClosed.errors?.[0].message).toMatch(/ne peut pas passer à « Levé »/);

    const shortDescription = await report(evry, project.id, { category: 'LEGAL', description: 'court' });
    expect(shortDescription.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(shortDescription.errors?.[0].message).toMatch(/entre 10 et 4000 caractères/);

    const future = await report(evry, project.id, { category: 'LEGAL', openedAt: new Date(Date.now() + 5 * DAY).toISOString() });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const unknown = await evry.gql(UPDATE, { id: '999999', status: 'IN_PROGRESS' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets territory members and moderators write, and anyone read', async () => {
    const project = await createProject(evry, '91228', ['EDUCATION']);
    const anon = await report(anonymous, project.id, { category: 'FUNDING' });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await report(etampes, project.id, { category: 'FUNDING' });
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const byModerator = await reportOk(moderator, project.id, { category: 'FUNDING' });
    const outsiderUpdate = await etampes.gql(UPDATE, { id: byModerator.id, status: 'IN_PROGRESS' });
    expect(outsiderUpdate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await evry.ok(UPDATE, { id: byModerator.id, status: 'IN_PROGRESS' });

    const read = await anonymous.ok(PROJECT, { slug: project.slug });
    expect(read.project.blockers).toEqual([expect.objectContaining({ id: byModerator.id, status: 'IN_PROGRESS', canUpdate: false })]);
    expect((await evry.ok(PROJECT, { slug: project.slug })).project.blockers[0].canUpdate).toBe(true);
  });

  it('keeps isBlocked and the blocked filter in step with open BLOCKING blockers', async () => {
    const project = await createProject(etampes, '91223', ['DIGITAL_IDENTITY']);
    const blockedIds = async () => {
      const data = await anonymous.ok(`{ projects(filter: { blocked: true }, first: 100) { edges { node { id } } } }`);
      return data.projects.edges.map((e: { node: { id: string } }) => e.node.id);
    };
    const isBlocked = async () => (await anonymous.ok(PROJECT, { slug: project.slug })).project.isBlocked;

    await reportOk(etampes, project.id, { category: 'SKILLS_STAFF', severity: 'HINDERING' });
    expect(await isBlocked()).toBe(false);

    const blocking = await reportOk(etampes, project.id, { category: 'SKILLS_STAFF', severity: 'BLOCKING' });
    expect(await isBlocked()).toBe(true);
    expect(await blockedIds()).toContain(project.id);

    await etampes.ok(UPDATE, { id: blocking.id, status: 'IN_PROGRESS' });
    expect(await isBlocked()).toBe(true);

    await lift(etampes, blocking.id);
    expect(await isBlocked()).toBe(false);
    expect(await blockedIds()).not.toContain(project.id);
    const unblocked = await anonymous.ok(`{ projects(filter: { blocked: false }, first: 100) { edges { node { id } } } }`);
    expect(unblocked.projects.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(project.id);

    await etampes.ok(UPDATE, { id: blocking.id, status: 'OPEN' });
    expect(await isBlocked()).toBe(true);
    await etampes.ok(UPDATE, { id: blocking.id, status: 'ABANDONED' });
    expect(await isBlocked()).toBe(false);
  });

  it('computes the median days to lift per category', async () => {
    const project = await createProject(evry, '91228', ['GOVERNANCE']);
    // 4, 10 and 30 days open, then lifted now: median 10. An abandoned one does not count.
    for (const days of [4, 30, 10]) {
      const b = await reportOk(evry, project.id, { category: 'LEGAL', openedAt: new Date(Date.now() - days * DAY).toISOString() });
      await lift(evry, b.id);
    }
    const abandoned = await reportOk(evry, project.id, { category: 'LEGAL', openedAt: new Date(Date.now() - 300 * DAY).toISOString() });
    await evry.ok(UPDATE, { id: abandoned.id, status: 'ABANDONED' });
    await reportOk(evry, project.id, { category: 'LEGAL' });

    const { blockerStats } = await anonymous.ok(STATS, { departement: '91' });
    const legal = blockerStats.byCategory.find((c: { category: string }) => c.category === 'LEGAL');
    expect(legal).toEqual({ category: 'LEGAL', open: 1, lifted: 3, workedAround: 0, medianDaysToLift: 10 });
    expect(blockerStats.byCategory).toHaveLength(11);

    // An even count takes the mean of the two middle values: 10 and 30 → 20.
    const b = await reportOk(evry, project.id, { category: 'LEGAL', openedAt: new Date(Date.now() - 60 * DAY).toISOString() });
    await lift(evry, b.id);
    const after = (await anonymous.ok(STATS, { departement: '91' })).blockerStats;
    expect(after.byCategory.find((c: { category: string }) => c.category === 'LEGAL').medianDaysToLift).toBe(20);
    const month = new Date().toISOString().slice(0, 7);
    expect(after.trend[after.trend.length - 1].month).toBe(month);
    expect(after.trend).toHaveLength(24);
  });

  it('ranks suggestions by theme, population band and recency, as documented', async () => {
    const evryPopulation = Number((await db.query(sql(`SELECT "population" FROM "territory" WHERE "code" = $1`), ['91228']))[0].population);
    expect(evryPopulation).toBeGreaterThanOrEqual(50_000); // band 50 000–99 999
    const sameBand = await communeWithPopulation(50_000, 99_999, ['91228']);
    const tiny = await communeWithPopulation(0, 499);

    const subject = await createProject(evry, '91228', ['EDUCATION']);
    const best = await createProject(moderator, sameBand, ['EDUCATION']); // 3 + 2 + 1 = 6
    const old = await createProject(moderator, sameBand, ['EDUCATION']); // 3 + 2 + 0.25 = 5.25 (two years ago)
    const far = await createProject(moderator, tiny, ['EDUCATION']); // 3 + 2 × (1 − 6/7) + 1 ≈ 4.29
    const otherTheme = await createProject(moderator, sameBand, ['TOURISM_CULTURE']); // 0 + 2 + 1 = 3

    const liftedOn = async (projectId: string, category = 'ACCULTURATION') => {
      const b = await reportOk(moderator, projectId, { category });
      await lift(moderator, b.id, `Formation des enseignants (projet ${projectId}).`);
      return b.id;
    };
    const ids = { otherTheme: await liftedOn(otherTheme.id), far: await liftedOn(far.id), old: await liftedOn(old.id), best: await liftedOn(best.id) };
    await db.getRepository(Blocker).update({ id: Number(ids.old) }, { resolvedAt: new Date(Date.now() - 730 * DAY) });
    // Not suggested: another category, still open, or on the same project.
    await liftedOn(best.id, 'FUNDING');
    await reportOk(moderator, best.id, { category: 'ACCULTURATION' });
    await liftedOn(subject.id);

    const open = await reportOk(evry, subject.id, { category: 'ACCULTURATION', severity: 'BLOCKING' });
    const data = await anonymous.ok(
      `query($id: ID!) { blocker(id: $id) { suggestions { id resolution status project { id territory { code } } resolvedBy { displayName } } } }`,
      { id: open.id },
    );
    const suggestions = data.blocker.suggestions;
    expect(suggestions.map((s: { id: string }) => s.id)).toEqual([ids.best, ids.old, ids.far, ids.otherTheme]);
    expect(suggestions[0]).toMatchObject({
      status: 'LIFTED',
      resolution: `Formation des enseignants (projet ${best.id}).`,
      project: { id: best.id, territory: { code: sameBand } },
    });
    expect(suggestions[0].resolvedBy.displayName).toBeTruthy();

    // Lifted blockers get no suggestions.
    const closed = await lift(evry, open.id);
    const again = await anonymous.ok(`query($id: ID!) { blocker(id: $id) { suggestions { id } } }`, { id: closed.updateBlocker.id });
    expect(again.blocker.suggestions).toEqual([]);
  });

  it('hides confidential descriptions from outsiders but counts them in statistics and the CSV', async () => {
    const project = await createProject(evry, '91228', ['HEALTH_TELEMEDICINE']);
    const secret = 'Faille de sécurité sur le poste de téléconsultation (détails internes).';
    const before = (await anonymous.ok(STATS, { departement: '91', theme: 'HEALTH_TELEMEDICINE' })).blockerStats;
    await reportOk(evry, project.id, { category: 'DATA_PRIVACY_SECURITY', description: secret, confidential: true, severity: 'BLOCKING' });

    for (const outsider of [anonymous, etampes]) {
      const seen = (await outsider.ok(PROJECT, { slug: project.slug })).project;
      expect(seen.isBlocked).toBe(true);
      expect(seen.blockers[0]).toMatchObject({ descriptionHidden: true, description: expect.stringMatching(/^Description confidentielle/) });
      expect(JSON.stringify(seen)).not.toContain('Faille');
    }
    for (const insider of [evry, moderator]) {
      expect((await insider.ok(PROJECT, { slug: project.slug })).project.blockers[0]).toMatchObject({ descriptionHidden: false, description: secret });
    }

    const after = (await anonymous.ok(STATS, { departement: '91', theme: 'HEALTH_TELEMEDICINE' })).blockerStats;
    expect(after.total).toBe(before.total + 1);
    expect(after.byCategory.find((c: { category: string }) => c.category === 'DATA_PRIVACY_SECURITY').open).toBe(1);

    const response = await fetch(`${server.url}/open-data/blockers.csv?departement=91&theme=HEALTH_TELEMEDICINE`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe('departement,epci,theme,categorie_code,categorie,ouverts,leves,dont_contournes,abandonnes,mediane_jours_levee');
    expect(csv).toContain('91,,HEALTH_TELEMEDICINE,DATA_PRIVACY_SECURITY,"Données, RGPD et sécurité",1,0,0,0,');
    expect(csv).not.toContain('Faille');
    expect((await fetch(`${server.url}/open-data/blockers.csv?departement=xx`)).status).toBe(400);
  });

  it('filters statistics by theme and EPCI and splits political backing from resources', async () => {
    const epci = (await db.query(sql(`SELECT "epciCode" FROM "territory" WHERE "code" = $1`), ['91223']))[0].epciCode as string;
    const project = await createProject(etampes, '91223', ['AGRICULTURE']);
    await reportOk(etampes, project.id, { category: 'POLITICAL_BACKING' });
    await reportOk(etampes, project.id, { category: 'FUNDING' });
    await reportOk(etampes, project.id, { category: 'SKILLS_STAFF' });
    await reportOk(etampes, project.id, { category: 'PUBLIC_PROCUREMENT' });

    const byEpci = (await anonymous.ok(STATS, { departement: '91', epci, theme: 'AGRICULTURE' })).blockerStats;
    expect(byEpci).toMatchObject({ total: 4, open: 4, lifted: 0 });
    expect(byEpci.politicalVsResources).toEqual({ political: 1, resources: 2, other: 1, politicalShare: 0.25, resourcesShare: 0.5 });
    expect(byEpci.byTheme).toEqual([{ theme: 'AGRICULTURE', open: 4, lifted: 0, total: 4 }]);
    const month = byEpci.trend[byEpci.trend.length - 1];
    expect(month.opened).toBe(4);

    const evryEpci = (await db.query(sql(`SELECT "epciCode" FROM "territory" WHERE "code" = $1`), ['91228']))[0].epciCode as string;
    expect(evryEpci).not.toBe(epci);
    expect((await anonymous.ok(STATS, { epci: evryEpci, theme: 'AGRICULTURE' })).blockerStats.total).toBe(0);
    expect((await anonymous.ok(STATS, { departement: '75', theme: 'AGRICULTURE' })).blockerStats.total).toBe(0);

    const bad = await anonymous.gql(STATS, { epci: '12' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('notifies the project followers when a blocker is lifted', async () => {
    const project = await createProject(evry, '91228', ['MOBILITY_TELEWORK']);
    const follower = await server.registerUser({ territoryCode: '91223' });
    // Following itself belongs to the notifications feature; here we only need a follower.
    await server.app.get(NotificationsService).follow(db.manager, Number(follower.userId), 'PROJECT', project.id);
    const blocker = await reportOk(evry, project.id, { category: 'INFRASTRUCTURE' });
    await lift(evry, blocker.id);
    const { notifications } = await follower.ok(`{ notifications(first: 10) { edges { node { kind message url } } } }`);
    expect(notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      kind: 'BLOCKER_LIFTED',
      message: expect.stringMatching(/Frein levé sur « .+ » : Infrastructure et connectivité\./),
      url: `/projets/${project.slug}#frein-${blocker.id}`,
    });
  });
});
