import { createProject } from './wiki-fixtures';
import { GqlClient, startTestServer, TestServer } from './harness';
import { CAST, createSeminarFixture, JOIN, SeminarFixture, SET_STATE } from './seminar-helpers';

const CREATE = `mutation($stakeId: ID!, $details: CommitmentDetailsInput) {
  createCommitment(stakeId: $stakeId, details: $details) { id title status progress backing { mean count divergent byGroup { group formatted } } leadTerritory { code } }
}`;
const UPDATE = `mutation($id: ID!, $input: CommitmentUpdateInput!) { updateCommitment(id: $id, input: $input) { id status statusReason progress } }`;
const LINK = `mutation($c: ID!, $p: ID!) { linkCommitmentProject(commitmentId: $c, projectId: $p) { id progress projects { slug } } }`;
const LIST = `query($s: ID!) { commitments(seminarId: $s) { id title status progress late seminar { id } projects { slug } blockers { description descriptionHidden } milestones { title doneAt } } }`;
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
      backing: { mean: 3, count: 2, divergent: true, byGroup: [{ group: 'Groupe 1', formatted: '5/5' }, { group: 'Groupe 2', formatted: '1/5' }] },
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

    const fromSheet = await server.client().ok(`query($slug: String!) { project(slug: $slug) { commitments { id title seminar { title } } } }`, { slug: sheet.slug });
    expect(fromSheet.project.commitments).toEqual([{ id: commitment.id, title: 'Premier enjeu', seminar: { title: 'Séminaire de test' } }]);

    await evryAgent.ok(REPORT, {
      projectId: sheet.id,
      input: { category: 'POLITICAL_BACKING', severity: 'BLOCKING', description: 'Le conseil municipal n’a pas voté le budget : confidentiel.', confidential: true },
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
    const kinds = (await evryAgent.ok(`{ notifications(first: 5) { edges { node { kind message } } } }`)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind);
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
});
