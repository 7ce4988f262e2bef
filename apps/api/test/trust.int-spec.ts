import { DataSource } from 'typeorm';
import { GqlClient, startTestServer, TestServer, TEST_PASSWORD, uniqueEmail } from './harness';
import { createProject, projectInput, UPDATE_PROJECT } from './wiki-fixtures';

type Client = GqlClient & { userId: string };

const ETAMPES = '91223';
const EVRY = '91228';
const DOURDAN = '91200';

const REPORT = `mutation($projectId: ID!, $input: BlockerInput!) { reportBlocker(projectId: $projectId, input: $input) { id } }`;
const UPDATE_BLOCKER = `mutation($id: ID!) { updateBlocker(id: $id, status: IN_PROGRESS) { id status } }`;
const EDIT_BLOCKER = `mutation($id: ID!, $input: BlockerEditInput!, $base: Int!) { editBlocker(id: $id, input: $input, baseRevision: $base) { id } }`;
const BLOCKERS = `query($slug: String!) { project(slug: $slug) { viewerCanEdit blockers { id description descriptionHidden canUpdate } } }`;
const SET_VALUE = `mutation($territory: String!) { setIndicatorValue(indicatorCode: "TIERS_LIEUX", territoryCode: $territory, year: 2023, value: 2) { value } }`;
const SET_MATURITY = `mutation($territory: String!) {
  setMaturityScore(territoryCode: $territory, theme: EDUCATION, year: 2023, score: 3, justification: "Des écoles équipées et formées.") { score }
}`;
const REPLICATE = `mutation($id: ID!, $territory: String!) { replicateProject(sourceId: $id, territoryCode: $territory) { id } }`;
const REQUEST = `mutation($code: ID!) { requestMembership(territoryCode: $code) { id status method territory { code } } }`;
const PENDING = `query($code: ID!) { pendingMemberships(territoryCode: $code) { id status user { id displayName } } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideMembership(id: $id, approve: $approve, reason: $reason) { id status method reason decidedAt } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeMembership(id: $id, reason: $reason) { id status } }`;
const MY_MEMBERSHIPS = `{ me { memberships { id status method territory { code } } badges { kind territory { name } } } }`;
const NOTIFICATIONS = `{ notifications(first: 10) { edges { node { kind message } } } }`;

jest.setTimeout(120_000);

describe('trust: a membership is verified before it grants anything', () => {
  let server: TestServer;
  let db: DataSource;
  let etampesAgent: Client; // verified member of Étampes
  let sheet: { id: string; slug: string };
  let blockerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    etampesAgent = await server.registerUser({ territoryCode: ETAMPES });
    sheet = await createProject(etampesAgent, { title: 'Tiers-lieu d’Étampes', territoryCode: ETAMPES });
    const blocker = await etampesAgent.ok(REPORT, {
      projectId: sheet.id,
      input: {
        category: 'FUNDING',
        severity: 'BLOCKING',
        description: 'Le budget 2025 de la ville ne couvre pas le loyer : texte confidentiel.',
        confidential: true,
      },
    });
    blockerId = blocker.reportBlocker.id;
  });
  afterAll(() => server.close());

  /** Every territory-scoped write, for a client; each must give FORBIDDEN to an outsider. */
  async function territoryWrites(client: GqlClient) {
    const base = (await client.ok(`query($slug: String!) { project(slug: $slug) { revision } }`, { slug: sheet.slug })).project.revision;
    return {
      updateProject: await client.gql(UPDATE_PROJECT, {
        id: sheet.id,
        base,
        input: projectInput({ title: 'Tiers-lieu d’Étampes', territoryCode: ETAMPES }),
        comment: null,
      }),
      createProject: await client.gql(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, {
        input: projectInput({ territoryCode: ETAMPES }),
      }),
      replicateProject: await client.gql(REPLICATE, { id: sheet.id, territory: DOURDAN }),
      reportBlocker: await client.gql(REPORT, {
        projectId: sheet.id,
        input: { category: 'SKILLS_STAFF', severity: 'HINDERING', description: 'Un frein signalé par quelqu’un.' },
      }),
      updateBlocker: await client.gql(UPDATE_BLOCKER, { id: blockerId }),
      editBlocker: await client.gql(EDIT_BLOCKER, {
        id: blockerId,
        base: 1,
        input: { category: 'FUNDING', severity: 'HINDERING', description: 'Une autre description du frein.' },
      }),
      setIndicatorValue: await client.gql(SET_VALUE, { territory: ETAMPES }),
      setMaturityScore: await client.gql(SET_MATURITY, { territory: ETAMPES }),
      importIndicatorValues: await client.gql(`mutation($csv: String!) { importIndicatorValues(csv: $csv, dryRun: false) { imported errors { message } } }`, {
        csv: `indicateur;territoire;annee;valeur;source\nTIERS_LIEUX;${ETAMPES};2022;1;`,
      }),
    };
  }

  function expectAllForbidden(results: Record<string, { errors?: { extensions?: { code?: string } }[]; data?: any }>) {
    const codes = Object.fromEntries(
      Object.entries(results).map(([name, r]) => [
        name,
        name === 'importIndicatorValues'
          ? r.data?.importIndicatorValues?.imported === 0 && r.data.importIndicatorValues.errors.length === 1
            ? 'FORBIDDEN'
            : 'ALLOWED'
          : (r.errors?.[0]?.extensions?.code ?? 'ALLOWED'),
      ]),
    );
    expect(codes).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, 'FORBIDDEN'])));
  }

  it('gives a newcomer who claims Étampes a PENDING membership and no right for Étampes', async () => {
    const newcomer = await server.registerUser({ territoryCode: ETAMPES, verified: false });
    const { me } = await newcomer.ok(MY_MEMBERSHIPS);
    expect(me.memberships).toEqual([expect.objectContaining({ status: 'PENDING', method: null, territory: { code: ETAMPES } })]);
    expect(me.badges).toEqual([]);
    expectAllForbidden(await territoryWrites(newcomer));

    const { project } = await newcomer.ok(BLOCKERS, { slug: sheet.slug });
    expect(project.viewerCanEdit).toBe(false);
    expect(project.blockers).toEqual([expect.objectContaining({ descriptionHidden: true, canUpdate: false })]);
    expect(JSON.stringify(project)).not.toContain('loyer');
  });

  it('turns an approved request into rights, notifies the requester, and takes them back on revocation', async () => {
    const newcomer = await server.registerUser({ territoryCode: EVRY, verified: false });
    const { requestMembership } = await newcomer.ok(REQUEST, { code: ETAMPES });
    expect(requestMembership).toMatchObject({ status: 'PENDING', territory: { code: ETAMPES } });

    // An ordinary verified member of Étampes is not a manager.
    expect((await etampesAgent.gql(PENDING, { code: ETAMPES })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await etampesAgent.gql(DECIDE, { id: requestMembership.id, approve: true })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const manager = await server.registerUser({ territoryCode: ETAMPES });
    const moderator = await server.userWithRole('MODERATOR', null);
    const { me } = await manager.ok(`{ me { memberships { id } } }`);
    await moderator.ok(`mutation($id: ID!) { setMembershipManager(id: $id, manager: true) { manager } }`, { id: me.memberships[0].id });

    const pending = (await manager.ok(PENDING, { code: ETAMPES })).pendingMemberships;
    expect(pending.map((m: { id: string }) => m.id)).toContain(requestMembership.id);
    expect((await manager.ok(`{ pendingMembershipCount }`)).pendingMembershipCount).toBeGreaterThanOrEqual(1);
    // A refusal needs a reason; approving does not.
    expect((await manager.gql(DECIDE, { id: requestMembership.id, approve: false })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const approved = (await manager.ok(DECIDE, { id: requestMembership.id, approve: true })).decideMembership;
    expect(approved).toMatchObject({ status: 'VERIFIED', method: 'APPROVAL' });
    expect((await manager.gql(DECIDE, { id: requestMembership.id, approve: true })).errors?.[0].extensions?.code).toBe('CONFLICT');

    const kinds = (await newcomer.ok(NOTIFICATIONS)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind);
    expect(kinds).toContain('MEMBERSHIP_APPROVED');
    expect((await newcomer.ok(MY_MEMBERSHIPS)).me.badges).toEqual([{ kind: 'VERIFIED_AGENT', territory: { name: 'Étampes' } }]);

    // Rights now: the confidential text, the sheet, the figures.
    const { project } = await newcomer.ok(BLOCKERS, { slug: sheet.slug });
    expect(project.viewerCanEdit).toBe(true);
    expect(project.blockers[0].description).toContain('confidentiel');
    expect((await newcomer.gql(SET_VALUE, { territory: ETAMPES })).errors).toBeUndefined();

    await manager.ok(REVOKE, { id: requestMembership.id, reason: 'A quitté la mairie.' });
    expectAllForbidden(await territoryWrites(newcomer));
    expect((await newcomer.ok(BLOCKERS, { slug: sheet.slug })).project.blockers[0].descriptionHidden).toBe(true);
  });

  it('refuses with a reason sent to the requester', async () => {
    const newcomer = await server.registerUser({ territoryCode: ETAMPES, verified: false });
    const id = (await newcomer.ok(MY_MEMBERSHIPS)).me.memberships[0].id;
    const moderator = await server.userWithRole('MODERATOR', null);
    const refused = (await moderator.ok(DECIDE, { id, approve: false, reason: 'Adresse inconnue des services.' })).decideMembership;
    expect(refused).toMatchObject({ status: 'REJECTED', reason: 'Adresse inconnue des services.' });
    const messages = (await newcomer.ok(NOTIFICATIONS)).notifications.edges.map((e: { node: { message: string } }) => e.node.message);
    expect(messages.join(' ')).toContain('Adresse inconnue des services.');
    expectAllForbidden(await territoryWrites(newcomer));
  });

  it('verifies a member whose proven address is on an official domain of the territory', async () => {
    const moderator = await server.userWithRole('MODERATOR', null);
    const before = await server.registerUser({ email: uniqueEmail('agent').replace(/@.*/, '@mairie-etampes.fr'), territoryCode: null, verified: false });
    await server.verifyEmail(before.userId);
    await moderator.ok(`mutation { addEmailDomain(territoryCode: "${ETAMPES}", domain: "Mairie-Etampes.fr") { domain } }`);
    // Already proven addresses on the domain are verified when the domain is declared…
    expect((await before.ok(MY_MEMBERSHIPS)).me.memberships).toEqual([expect.objectContaining({ status: 'VERIFIED', method: 'EMAIL_DOMAIN' })]);
    // …and new ones when their address is proven, not before.
    const after = await server.registerUser({ email: uniqueEmail('agente').replace(/@.*/, '@mairie-etampes.fr'), territoryCode: ETAMPES, verified: false });
    expect((await after.ok(MY_MEMBERSHIPS)).me.memberships[0].status).toBe('PENDING');
    expectAllForbidden(await territoryWrites(after));
    await server.verifyEmail(after.userId);
    expect((await after.ok(MY_MEMBERSHIPS)).me.memberships[0]).toMatchObject({ status: 'VERIFIED', method: 'EMAIL_DOMAIN' });
    expect((await after.gql(SET_VALUE, { territory: ETAMPES })).errors).toBeUndefined();

    const member = await server.registerUser({ territoryCode: null, verified: false });
    expect((await member.gql(`mutation { addEmailDomain(territoryCode: "${ETAMPES}", domain: "x.fr") { domain } }`)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await moderator.gql(`mutation { addEmailDomain(territoryCode: "${DOURDAN}", domain: "mairie-etampes.fr") { domain } }`)).errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
    expect(
      (await moderator.gql(`mutation { addEmailDomain(territoryCode: "${DOURDAN}", domain: "pas un domaine") { domain } }`)).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses the last admin’s own demotion and malformed user ids', async () => {
    const admin = await server.userWithRole('ADMIN', null);
    const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }`;
    const demoted = await admin.gql(SET_ROLE, { userId: admin.userId, role: 'MEMBER' });
    expect(demoted.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(demoted.errors?.[0].message).toMatch(/au moins un administrateur/);
    for (const userId of [` ${admin.userId} `, '0x4', '4.0', '-1', '']) {
      expect((await admin.gql(SET_ROLE, { userId, role: 'MEMBER' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const second = await server.userWithRole('ADMIN', null);
    expect((await second.ok(SET_ROLE, { userId: admin.userId, role: 'MEMBER' })).setUserRole.role).toBe('MEMBER');
  });

  it('throttles per address and IP: a stranger elsewhere cannot lock the owner out', async () => {
    const email = uniqueEmail('owner');
    await server.client().ok(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
      input: { email, password: TEST_PASSWORD, displayName: 'Owner' },
    });
    const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
    const stranger = server.client();
    stranger.headers['x-forwarded-for'] = '203.0.113.66';
    for (let i = 0; i < 8; i++) await stranger.gql(LOGIN, { email, password: `guess ${i}` });
    expect((await stranger.gql(LOGIN, { email, password: TEST_PASSWORD })).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const owner = server.client();
    owner.headers['x-forwarded-for'] = '198.51.100.7';
    expect((await owner.gql(LOGIN, { email, password: TEST_PASSWORD })).errors).toBeUndefined();
  });

  it('lets people manage their account: name, password (current one required), sessions', async () => {
    const email = uniqueEmail('self');
    const me = await server.registerUser({ email, territoryCode: null });
    const otherBrowser = server.client();
    await otherBrowser.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: email, p: TEST_PASSWORD });
    const sessions = (await me.ok(`{ mySessions { id current } }`)).mySessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    expect((await me.ok(`mutation { updateProfile(displayName: "  Nouveau Nom ") { displayName handle } }`)).updateProfile).toMatchObject({
      displayName: 'Nouveau Nom',
    });
    const wrong = await me.gql(`mutation { changePassword(currentPassword: "pas le bon", newPassword: "un tout autre mot de passe 42") }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await me.ok(`mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "un tout autre mot de passe 42") }`, { c: TEST_PASSWORD });
    // The other browser is logged out; this one stays.
    expect((await otherBrowser.ok(`{ me { id } }`)).me).toBeNull();
    expect((await me.ok(`{ me { id } }`)).me.id).toBe(me.userId);

    const third = server.client();
    await third.ok(`mutation { login(email: "${email}", password: "un tout autre mot de passe 42") { id } }`);
    const other = (await me.ok(`{ mySessions { id current } }`)).mySessions.find((s: { current: boolean }) => !s.current);
    await me.ok(`mutation($id: ID!) { endSession(id: $id) }`, { id: other.id });
    expect((await third.ok(`{ me { id } }`)).me).toBeNull();
    expect((await me.gql(`mutation { endSession(id: "0123456789abcdef") }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    await me.ok(`mutation { logoutEverywhere }`);
    expect((await me.ok(`{ me { id } }`)).me).toBeNull();
    expect(await db.getRepository('Session').countBy({ userId: Number(me.userId) })).toBe(0);
  });

  it('gives every account a unique handle', async () => {
    const a = await server.registerUser({ displayName: 'Mehdi Modération', territoryCode: null });
    const b = await server.registerUser({ displayName: 'Mehdi Modération', territoryCode: null });
    const ha = (await a.ok(`{ me { handle } }`)).me.handle;
    const hb = (await b.ok(`{ me { handle } }`)).me.handle;
    expect(ha).toMatch(/^mehdi-moderation-\d+$/);
    expect(hb).toMatch(/^mehdi-moderation-\d+$/);
    expect(ha).not.toBe(hb);
  });
});

describe('trust: seminar join codes', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Read from the environment when the limiters are built (at start), like in production.
    process.env.SEMINAR_JOIN_LIMIT_PER_10_MIN = '30';
    server = await startTestServer();
    delete process.env.SEMINAR_JOIN_LIMIT_PER_10_MIN;
  });
  afterAll(() => server.close());

  it('shows the code to facilitators and participants only, with ≥ 30 bits, and throttles lookups', async () => {
    const facilitator = await server.userWithRole('FACILITATOR', null);
    const { createSeminar } = await facilitator.ok(
      `mutation { createSeminar(input: { title: "Séminaire secret", date: "2026-06-12T09:00:00.000Z" }) { id joinCode } }`,
    );
    expect(createSeminar.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    const group = (await facilitator.ok(`mutation($s: ID!) { addGroup(seminarId: $s, name: "Groupe 1") { id } }`, { s: createSeminar.id })).addGroup;

    const anonymous = server.client();
    const leak = await anonymous.gql(`query($id: ID!) { seminar(id: $id) { joinCode } }`, { id: createSeminar.id });
    expect(leak.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(leak.data ?? {})).not.toContain(createSeminar.joinCode);
    expect((await anonymous.ok(`query($id: ID!) { seminar(id: $id) { title viewerJoinCode } }`, { id: createSeminar.id })).seminar).toEqual({
      title: 'Séminaire secret',
      viewerJoinCode: null,
    });

    const participant = server.client();
    const { joinSeminar } = await participant.ok(
      `mutation($c: String!, $g: ID!) { joinSeminar(joinCode: $c, displayName: "Participante", groupId: $g) { token } }`,
      { c: createSeminar.joinCode, g: group.id },
    );
    participant.headers['x-participant-token'] = joinSeminar.token;
    expect((await participant.ok(`query($id: ID!) { seminar(id: $id) { joinCode } }`, { id: createSeminar.id })).seminar.joinCode).toBe(createSeminar.joinCode);

    const guesser = server.client();
    guesser.headers['x-forwarded-for'] = '203.0.113.99';
    const answers: string[] = [];
    for (let i = 0; i < 35; i++) {
      const r = await guesser.gql(`query($c: String!) { seminarByCode(joinCode: $c) { id } }`, { c: `ZZZZ${String(i).padStart(4, '0')}` });
      answers.push(r.errors?.[0].extensions?.code ?? 'OK');
    }
    expect(answers.slice(0, 30).every((a) => a === 'OK')).toBe(true);
    expect(answers.slice(30)).toEqual(Array(5).fill('RATE_LIMITED'));
  });
});
