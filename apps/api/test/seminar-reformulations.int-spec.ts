import { startTestServer, TestServer } from './harness';
import { CAST, createSeminarFixture, joinParticipants, SeminarFixture, SET_STATE } from './seminar-helpers';

jest.setTimeout(120_000);

const PROPOSE = `mutation($stakeId: ID!, $text: String!) { proposeReformulation(stakeId: $stakeId, text: $text) { id text supports adopted } }`;
const SUPPORT = `mutation($id: ID!) { supportReformulation(id: $id) { id supports } }`;
const ADOPT = `mutation($id: ID!) { adoptReformulation(id: $id) { id text originalText emphasis { text added } reformulations { id adopted } } }`;
const PROPOSE_STAKE = `mutation($workshopId: ID!, $text: String!) { proposeStake(workshopId: $workshopId, text: $text) { id isAddition status } }`;
const ACCEPT = `mutation($id: ID!) { acceptStake(id: $id) { id number status isAddition } }`;
const WORKSHOP = `query($id: ID!) { seminar(id: $id) { workshops { stakes { id number text isAddition } proposedStakes { id text } } } }`;
const MINUTES = `query($id: ID!) { minutes(seminarId: $id, format: MARKDOWN) }`;

describe('reformulations and new stakes', () => {
  let server: TestServer;
  let fixture: SeminarFixture;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createSeminarFixture(server, ['Groupe 1'], ['Trouver des formes collectives pour accélérer la numérisation des services aux usagers.']);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
  });
  afterAll(() => server.close());

  it('counts each supporter once, and adopting changes the wording while keeping the original', async () => {
    const [author, fan, other] = await joinParticipants(server, fixture, 3);
    const { proposeReformulation } = await author.client.ok(PROPOSE, {
      stakeId: fixture.stakeIds[0],
      text: 'Trouver des moyens pour accélérer la numérisation des services aux usagers.',
    });
    expect(proposeReformulation).toMatchObject({ supports: 0, adopted: false });
    await Promise.all([fan.client.ok(SUPPORT, { id: proposeReformulation.id }), fan.client.ok(SUPPORT, { id: proposeReformulation.id })]);
    const { supportReformulation } = await other.client.ok(SUPPORT, { id: proposeReformulation.id });
    expect(supportReformulation.supports).toBe(2);

    const refused = await author.client.gql(ADOPT, { id: proposeReformulation.id });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { adoptReformulation } = await fixture.facilitator.ok(ADOPT, { id: proposeReformulation.id });
    expect(adoptReformulation.text).toBe('Trouver des moyens pour accélérer la numérisation des services aux usagers.');
    expect(adoptReformulation.originalText).toBe('Trouver des formes collectives pour accélérer la numérisation des services aux usagers.');
    expect(adoptReformulation.emphasis.filter((s: { added: boolean }) => s.added).map((s: { text: string }) => s.text)).toEqual(['moyens']);
    expect(adoptReformulation.reformulations).toEqual([{ id: proposeReformulation.id, adopted: true }]);

    const { minutes } = await server.client().ok(MINUTES, { id: fixture.seminarId });
    expect(minutes).toContain(
      '| 1 | Trouver des formes collectives pour accélérer la numérisation des services aux usagers. | - | Trouver des **moyens** pour accélérer',
    );
  });

  it('keeps a proposed stake out of the workshop until a facilitator accepts it as a "+" row', async () => {
    const [p] = await joinParticipants(server, fixture, 1);
    const { proposeStake } = await p.client.ok(PROPOSE_STAKE, { workshopId: fixture.workshopId, text: "Assurer l'égalité d'accès aux services" });
    expect(proposeStake).toMatchObject({ isAddition: true, status: 'PROPOSED' });
    // Not scorable, not listed for participants; listed for moderation to the facilitator.
    expect((await p.client.gql(CAST, { stakeId: proposeStake.id, value: 3 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const asParticipant = await p.client.ok(WORKSHOP, { id: fixture.seminarId });
    expect(asParticipant.seminar.workshops[0].stakes.map((s: { id: string }) => s.id)).not.toContain(proposeStake.id);
    expect(asParticipant.seminar.workshops[0].proposedStakes).toEqual([]);
    const asFacilitator = await fixture.facilitator.ok(WORKSHOP, { id: fixture.seminarId });
    expect(asFacilitator.seminar.workshops[0].proposedStakes.map((s: { id: string }) => s.id)).toEqual([proposeStake.id]);

    expect((await p.client.gql(ACCEPT, { id: proposeStake.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { acceptStake } = await fixture.facilitator.ok(ACCEPT, { id: proposeStake.id });
    expect(acceptStake).toMatchObject({ status: 'ACCEPTED', isAddition: true, number: 2 });
    expect((await fixture.facilitator.gql(ACCEPT, { id: proposeStake.id })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const { minutes } = await server.client().ok(MINUTES, { id: fixture.seminarId });
    expect(minutes).toContain("| + | Assurer l'égalité d'accès aux services | - |  |");
    expect((await p.client.ok(CAST, { stakeId: proposeStake.id, value: 3.5 })).castScore.value).toBe(3.5);
  });
});
