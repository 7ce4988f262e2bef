import { createProject } from './wiki-fixtures';
import { GqlClient, startTestServer, TestServer } from './harness';
import { CAST, createSeminarFixture, JOIN, SeminarFixture, SET_STATE } from './seminar-helpers';

const CREATE = `mutation($stakeId: ID!, $details: CommitmentDetailsInput) {
  createCommitment(stakeId: $stakeId, details: $details) { id title status progress backing { mean count divergent byGroup { group formatted } } leadTerritory { code } }
}`;
const UPDATE = `mutation($id: ID!, $input: CommitmentUpdateInput!) { updateCommitment(id: $id, input: $input) { id status statusReason progress } }`;
const LINK = `mutation($c: ID!, $p: ID!) { linkCommitmentProject(commitmentId: $c, projectId: $p) { id progress projects { slug } } }`;
const LIST = `query($s: ID!) { commitments(seminarId: $s) { id title status progress late seminar { id } projects { slug } blockers { description descriptionHidden } milestones { title doneAt } } }`;
const TERRITORY = `query($code: ID!, $members: Boolean, $year: Int) {
  territoryCommitments(territoryCode: $code, includeMembers: $members, year: $year) { title status late leadTerritory { code } backing { formatted } blockers { category descriptionHidden } }
}`;
const YEARS = `query($code: ID!) { commitmentYears(territoryCode: $code) { year counts { total toStart inProgress late done abandoned } seminars { seminar { id } counts { total late done } } } }`;
const ADD_MILESTONE = `mutation($c: ID!, $title: String!, $due: DateTime!) { addCommitmentMilestone(commitmentId: $c, title: $title, dueDate: $due) { id title dueDate doneAt late } }`;
const MILESTONE_DONE = `mutation($id: ID!, $done: Boolean!) { setCommitmentMilestoneDone(id: $id, done: $done) { id doneAt late } }`;
const EDIT_MILESTONE = `mutation($id: ID!, $title: String, $due: DateTime) { updateCommitmentMilestone(id: $id, title: $title, dueDate: $due) { id title dueDate } }`;
const REPORT = `mutation($projectId: ID!, $input: BlockerInput!) { reportBlocker(projectId: $projectId, input: $input) { id } }`;

jest.setTimeout(120_000);

describe('commitments: from votes to what was done', () => {
  let server: TestServer;
  let fixture: SeminarFixture;
  let evryAgent: GqlClient & { userId: string };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createSeminarFixture(server);
    evryAgent = await server.registerUser({ territoryCode: '91228' });
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    for (const [i, groupId] of fixture.groupIds.entries()) {
      const phone = server.client();
      const joined = await phone.ok(JOIN, { joinCode: fixture.joinCode, displayName: `Votant ${i}`, groupId });
      phone.headers['x-participant-token'] = joined.joinSeminar.token;
      await phone.ok(CAST, { stakeId: fixture.stakeIds[0], value: i === 0 ? 5 : 1 });
    }
  });
  afterAll(() => server.close());

  it('creates commitments only from closed workshops, by the facilitators, once per stake, with the scores that backed them', async () => {
    const early = await fixture.facilitator.gql(CREATE, { stakeId: fixture.stakeIds[0] });
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'CLOSED' });
    expect((await evryAgent.gql(CREATE, { stakeId: fixture.stakeIds[0] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const { createCommitment } = await fixture.facilitator.ok(CREATE, {
      stakeId: fixture.stakeIds[0],
      details: { leadTerritoryCode: '91228', contact: 'Service numérique', targetDate: '2020-01-01T00:00:00.000Z' },
    });
    expect(createCommitment).toMatchObject({
      title: 'Premier enjeu',
      status: 'TO_START',
      progress: 0,
      leadTerritory: { code: '91228' },
      backing: {
        mean: 3,
        count: 2,
        divergent: true,
        byGroup: [
          { group: 'Groupe 1', formatted: '5/5' },
          { group: 'Groupe 2', formatted: '1/5' },
        ],
      },
    });
    expect((await fixture.facilitator.gql(CREATE, { stakeId: fixture.stakeIds[0] })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('links sheets both ways, computes progress from their stages, inherits their open blockers and hides confidential text', async () => {
    const [commitment] = (await server.client().ok(LIST, { s: fixture.seminarId })).commitments;
    const sheet = await createProject(evryAgent, { title: 'Guichet numérique d’Évry', territoryCode: '91228', stage: 'IN_PROGRESS' });
    const outsider = await server.registerUser({ territoryCode: '91223' });
    expect((await outsider.gql(LINK, { c: commitment.id, p: sheet.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const linked = (await evryAgent.ok(LINK, { c: commitment.id, p: sheet.id })).linkCommitmentProject;
    expect(linked).toMatchObject({ progress: 60, projects: [{ slug: sheet.slug }] });

    const fromSheet = await server
      .client()
      .ok(`query($slug: String!) { project(slug: $slug) { commitments { id title seminar { title } } } }`, { slug: sheet.slug });
    expect(fromSheet.project.commitments).toEqual([{ id: commitment.id, title: 'Premier enjeu', seminar: { title: 'Séminaire de test' } }]);

    await evryAgent.ok(REPORT, {
      projectId: sheet.id,
      input: {
        category: 'POLITICAL_BACKING',
        severity: 'BLOCKING',
        description: 'Le conseil municipal n’a pas voté le budget : confidentiel.',
        confidential: true,
      },
    });
    const publicView = (await server.client().ok(LIST, { s: fixture.seminarId })).commitments[0];
    expect(publicView.blockers).toEqual([expect.objectContaining({ descriptionHidden: true })]);
    expect(JSON.stringify(publicView)).not.toContain('conseil municipal');
    expect(publicView.late).toBe(true);
    const memberView = (await evryAgent.ok(LIST, { s: fixture.seminarId })).commitments[0];
    expect(memberView.blockers[0].description).toContain('conseil municipal');
  });

  it('lets facilitators and verified members of the lead territory change the status, notifies followers, needs a reason to abandon', async () => {
    const [commitment] = (await server.client().ok(LIST, { s: fixture.seminarId })).commitments;
    const outsider = await server.registerUser({ territoryCode: '91223' });
    const input = { status: 'IN_PROGRESS', progressMode: 'FROM_PROJECTS' };
    expect((await outsider.gql(UPDATE, { id: commitment.id, input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const pending = await server.registerUser({ territoryCode: '91228', verified: false });
    expect((await pending.gql(UPDATE, { id: commitment.id, input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await evryAgent.ok(`mutation($id: ID!) { follow(targetType: COMMITMENT, targetId: $id) }`, { id: commitment.id });
    expect((await fixture.facilitator.ok(UPDATE, { id: commitment.id, input })).updateCommitment.status).toBe('IN_PROGRESS');
    const kinds = (await evryAgent.ok(`{ notifications(first: 5) { edges { node { kind message } } } }`)).notifications.edges.map(
      (e: { node: { kind: string } }) => e.node.kind,
    );
    expect(kinds).toContain('COMMITMENT_STATUS');

    const noReason = await evryAgent.gql(UPDATE, { id: commitment.id, input: { status: 'ABANDONED', progressMode: 'FROM_PROJECTS' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const manual = await evryAgent.ok(UPDATE, { id: commitment.id, input: { status: 'IN_PROGRESS', progressMode: 'MANUAL', manualProgress: 80 } });
    expect(manual.updateCommitment.progress).toBe(80);
    const done = await evryAgent.ok(UPDATE, { id: commitment.id, input: { status: 'DONE', progressMode: 'MANUAL', manualProgress: 80 } });
    expect(done.updateCommitment.progress).toBe(100);
  });

  it('exports the follow-up as CSV (BOM, ";") and JSON', async () => {
    const csv = await fetch(`${server.url}/open-data/seminaires/${fixture.seminarId}/engagements.csv`);
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0] ?? text.split('\n')[0]).toContain('engagement;statut');
    expect(text).toContain('Premier enjeu;réalisé');
    const json = await (await fetch(`${server.url}/open-data/seminaires/${fixture.seminarId}/engagements.json`)).json();
    expect(json).toMatchObject({ count: 1, commitments: [{ engagement: 'Premier enjeu', statut: 'réalisé', avancement: 100, divergent: true }] });
    expect((await fetch(`${server.url}/open-data/seminaires/999999/engagements.json`)).status).toBe(404);
  });

  it('lists what a territory carries, its members’ commitments for its EPCI and département, lateness, yearly counts', async () => {
    // A second commitment, carried by the département and past its target date.
    const { createCommitment } = await fixture.facilitator.ok(CREATE, {
      stakeId: fixture.stakeIds[1],
      details: { leadTerritoryCode: '91', targetDate: '2021-06-30T00:00:00.000Z' },
    });
    const codes = (list: { title: string }[]) => list.map((c) => c.title);
    const anonymous = server.client();

    const evry = (await anonymous.ok(TERRITORY, { code: '91228' })).territoryCommitments;
    expect(evry).toEqual([
      expect.objectContaining({ title: 'Premier enjeu', status: 'DONE', late: false, leadTerritory: { code: '91228' }, backing: { formatted: '3/5' } }),
    ]);
    // Its inherited blocker keeps its category; the confidential text stays hidden.
    expect(evry[0].blockers).toEqual([{ category: 'POLITICAL_BACKING', descriptionHidden: true }]);

    const departement = (await anonymous.ok(TERRITORY, { code: '91' })).territoryCommitments;
    expect(codes(departement).sort()).toEqual(['Deuxième enjeu', 'Premier enjeu']);
    expect(departement.find((c: { title: string }) => c.title === 'Deuxième enjeu')).toMatchObject({ status: 'TO_START', late: true });
    expect(codes((await anonymous.ok(TERRITORY, { code: '91', members: false })).territoryCommitments)).toEqual(['Deuxième enjeu']);
    expect((await anonymous.ok(TERRITORY, { code: '91', year: 2019 })).territoryCommitments).toEqual([]);
    expect(codes((await anonymous.ok(TERRITORY, { code: '91', year: 2025 })).territoryCommitments).sort()).toEqual(['Deuxième enjeu', 'Premier enjeu']);

    const { territory } = await anonymous.ok(`{ territory(code: "91228") { epci { code } } }`);
    expect(codes((await anonymous.ok(TERRITORY, { code: territory.epci.code })).territoryCommitments)).toEqual(['Premier enjeu']);
    expect((await anonymous.ok(TERRITORY, { code: '91223' })).territoryCommitments).toEqual([]);
    const badYear = await anonymous.gql(TERRITORY, { code: '91', year: 1800 });
    expect(badYear.errors?.[0]).toMatchObject({ message: 'L’année doit être comprise entre 2000 et 2100.', extensions: { code: 'BAD_USER_INPUT' } });

    const { commitmentYears } = await anonymous.ok(YEARS, { code: '91' });
    expect(commitmentYears).toEqual([
      {
        year: 2025,
        counts: { total: 2, toStart: 0, inProgress: 0, late: 1, done: 1, abandoned: 0 },
        seminars: [{ seminar: { id: fixture.seminarId }, counts: { total: 2, late: 1, done: 1 } }],
      },
    ]);
    expect(createCommitment.leadTerritory).toEqual({ code: '91' });
  });

  it('lets facilitators and verified members of the lead territory add, tick and re-date milestones, and nobody else', async () => {
    const [commitment] = (await server.client().ok(LIST, { s: fixture.seminarId })).commitments;
    const milestone = { c: commitment.id, title: 'Convention signée', due: '2021-01-15T00:00:00.000Z' };
    expect((await server.client().gql(ADD_MILESTONE, milestone)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await server.registerUser({ territoryCode: '91223' });
    expect((await outsider.gql(ADD_MILESTONE, milestone)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const pending = await server.registerUser({ territoryCode: '91228', verified: false });
    expect((await pending.gql(ADD_MILESTONE, milestone)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooShort = await evryAgent.gql(ADD_MILESTONE, { ...milestone, title: 'x' });
    expect(tooShort.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const added = (await evryAgent.ok(ADD_MILESTONE, milestone)).addCommitmentMilestone;
    expect(added).toMatchObject({ title: 'Convention signée', doneAt: null, late: true });
    expect((await outsider.gql(MILESTONE_DONE, { id: added.id, done: true })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await outsider.gql(EDIT_MILESTONE, { id: added.id, due: '2030-01-01T00:00:00.000Z' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const ticked = (await fixture.facilitator.ok(MILESTONE_DONE, { id: added.id, done: true })).setCommitmentMilestoneDone;
    expect(ticked.doneAt).not.toBeNull();
    expect(ticked.late).toBe(false);
    const redated = (await evryAgent.ok(EDIT_MILESTONE, { id: added.id, due: '2021-03-01T00:00:00.000Z' })).updateCommitmentMilestone;
    expect(redated).toEqual({ id: added.id, title: 'Convention signée', dueDate: '2021-03-01T00:00:00.000Z' });
    expect((await evryAgent.gql(EDIT_MILESTONE, { id: '999999', due: '2021-03-01T00:00:00.000Z' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const [after] = (await server.client().ok(LIST, { s: fixture.seminarId })).commitments;
    expect(after.milestones).toEqual([{ title: 'Convention signée', doneAt: ticked.doneAt }]);
  });

  it('adds the commitments to the minutes as "Suites données" (Markdown and HTML)', async () => {
    const minutes = (format: string) => server.client().ok(`query($id: ID!) { minutes(seminarId: $id, format: ${format}) }`, { id: fixture.seminarId });
    const markdown = (await minutes('MARKDOWN')).minutes as string;
    const section = markdown.slice(markdown.indexOf('## Suites données'));
    expect(markdown).toContain('## Suites données');
    expect(section).toContain('| Engagement | Statut | Avancement | Porteur | Échéance |');
    expect(section).toContain('| Premier enjeu | réalisé | 100 % | Évry-Courcouronnes | 1 janvier 2020 |');
    expect(section).toContain('| Deuxième enjeu | à lancer (en retard) | 0 % |');
    const html = (await minutes('HTML')).minutes as string;
    expect(html).toContain('<h2>Suites données</h2>');
    expect(html).toContain('<td>Premier enjeu</td><td>réalisé</td><td class="score">100 %</td><td>Évry-Courcouronnes</td>');
  });
});
