import { DataSource } from 'typeorm';
import { startTestServer, TestServer } from './harness';
import { CAST, createSeminarFixture, joinParticipants, SET_STATE } from './seminar-helpers';

describe('anonymous participant tokens expire after the seminar', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses a token a week after joining, and keeps the votes cast before', async () => {
    const fixture = await createSeminarFixture(server);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    const [participant] = await joinParticipants(server, fixture, 1);
    await participant.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4 });

    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3_600_000);
    const placeholder = server.config.databaseUrl ? ['$1', '$2'] : ['?', '?'];
    await server.app
      .get(DataSource)
      .query(`UPDATE "seminar_participant" SET "createdAt" = ${placeholder[0]} WHERE "id" = ${placeholder[1]}`, [
        eightDaysAgo.toISOString().replace('T', ' ').replace('Z', ''),
        Number(participant.id),
      ]);

    const late = await participant.client.gql(CAST, { stakeId: fixture.stakeIds[1], value: 3 });
    expect(late.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(late.errors?.[0].message).toMatch(/expiré/);
    const { seminar } = await fixture.facilitator.ok(`query($id: ID!) { seminar(id: $id) { workshops { stakes { id results { count } } } } }`, {
      id: fixture.seminarId,
    });
    expect(seminar.workshops[0].stakes.map((s: { results: { count: number } }) => s.results.count)).toEqual([1, 0, 0]);
  });
});
