import { DataSource } from 'typeorm';
import { DomainEvents } from '../src/events/domain-events.service';
import { ReplyPosted } from '../src/forum/forum.events';
import { Notification } from '../src/notifications/notification.entity';
import { establishAccount } from './account-helpers';
import { VoteCast } from '../src/seminars/seminar.events';
import { SearchWorker } from '../src/search/search-worker';
import { startTestServer, TestServer } from './harness';
import { CAST, createSeminarFixture, joinParticipants, SET_STATE, subscribeWorkshop } from './seminar-helpers';

/**
 * The domain-event port end to end (docs/architecture.md, "Domain events"): a vote is one raw
 * SQL statement the ORM never sees; it reaches the anonymous read cache and the live
 * subscribers only because VotesService records VoteCast through the port.
 */
jest.setTimeout(60_000);

const RESULTS = `query($id: ID!) { seminar(id: $id) { workshops { id stakes { id results { count } } } } }`;

describe('domain events through the port', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** An anonymous read over HTTP, with the read cache's verdict. */
  async function anonymousRead(seminarId: string, workshopId: string) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: RESULTS, variables: { id: seminarId } }),
    });
    const body = (await response.json()) as { data: { seminar: { workshops: { id: string; stakes: { results: { count: number } }[] }[] } } };
    const workshop = body.data.seminar.workshops.find((w) => w.id === workshopId)!;
    return { cache: response.headers.get('x-essaim-cache'), count: workshop.stakes[0].results.count };
  }

  it('drops the read cache and reaches live subscribers after a raw SQL vote, and only after a vote that was written', async () => {
    const fixture = await createSeminarFixture(server);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    const [participant] = await joinParticipants(server, fixture, 1);
    const recorded: VoteCast[] = [];
    const stopListening = server.app.get(DomainEvents).afterCommit(VoteCast, (event) => recorded.push(event));
    const projector = subscribeWorkshop(server.url, fixture.workshopId);
    try {
      await projector.waitFor((m) => m.state === 'OPEN');
      // Background indexing of the new stakes also (rightly) drops the cache: let it finish.
      await server.app.get(SearchWorker).drain();
      await anonymousRead(fixture.seminarId, fixture.workshopId);
      expect(await anonymousRead(fixture.seminarId, fixture.workshopId)).toEqual({ cache: 'hit', count: 0 });

      await participant.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4 });

      expect(recorded).toEqual([new VoteCast(Number(fixture.workshopId), Number(fixture.stakeIds[0]))]);
      expect(await anonymousRead(fixture.seminarId, fixture.workshopId)).toEqual({ cache: 'miss', count: 1 });
      const update = await projector.waitFor((m) =>
        m.stakes.some((s: { id: string; results: { count: number } | null }) => s.id === fixture.stakeIds[0] && s.results?.count === 1),
      );
      expect(update.id).toBe(fixture.workshopId);

      // A refused vote writes nothing and records nothing: the cached answer stays.
      await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'CLOSED' });
      await anonymousRead(fixture.seminarId, fixture.workshopId);
      expect(await anonymousRead(fixture.seminarId, fixture.workshopId)).toEqual({ cache: 'hit', count: 1 });
      const refused = await participant.client.gql(CAST, { stakeId: fixture.stakeIds[0], value: 1 });
      expect(refused.errors?.[0]?.extensions?.reason).toBe('WORKSHOP_CLOSED');
      expect(recorded).toHaveLength(1);
      expect(await anonymousRead(fixture.seminarId, fixture.workshopId)).toEqual({ cache: 'hit', count: 1 });
    } finally {
      stopListening();
      await projector.close();
    }
  });

  it("writes a reply's notifications in the reply's transaction: a reply that rolls back notifies nobody", async () => {
    const db = server.app.get(DataSource);
    const [alice, bob] = [await server.registerUser({ displayName: 'Alice Annonce' }), await server.registerUser({ displayName: 'Bob Abonné' })];
    for (const client of [alice, bob]) await establishAccount(db, client.userId);
    const { categories } = await alice.ok(`{ categories { id } }`);
    const input = { categoryId: categories[0].id, title: 'Un sujet suivi par Bob', body: 'Premier message.' };
    const { createThread } = await alice.ok(`mutation($input: ThreadInput!) { createThread(input: $input) { id } }`, { input });
    const REPLY = `mutation($threadId: ID!, $body: String!) { reply(threadId: $threadId, body: $body) { id } }`;
    await bob.ok(REPLY, { threadId: createThread.id, body: 'Bob suit le sujet en répondant.' });
    const bobTold = () => db.getRepository(Notification).countBy({ userId: Number(bob.userId), kind: 'REPLY' });
    const posts = () => db.query(`SELECT COUNT(*) AS n FROM forum_post WHERE "threadId" = ${Number(createThread.id)}`).then((rows) => Number(rows[0].n));

    // A failure after the forum's handler wrote the notification, still in the transaction.
    const stop = server.app.get(DomainEvents).onRecorded(ReplyPosted, () => {
      throw new Error('fails after the notifications were written');
    });
    try {
      expect((await alice.gql(REPLY, { threadId: createThread.id, body: 'Cette réponse échoue.' })).errors).toBeDefined();
    } finally {
      stop();
    }
    expect({ posts: await posts(), told: await bobTold() }).toEqual({ posts: 2, told: 0 });

    await alice.ok(REPLY, { threadId: createThread.id, body: 'Cette réponse passe.' });
    expect({ posts: await posts(), told: await bobTold() }).toEqual({ posts: 3, told: 1 });
  });
});
