import { DataSource } from 'typeorm';
import { startTestServer, TestServer } from './harness';
import {
  ADD_STAKES,
  CAST,
  createSeminarFixture,
  joinParticipants,
  JOIN,
  mean,
  RESULTS,
  SeminarFixture,
  SET_STATE,
  SET_VISIBILITY,
  subscribeWorkshop,
} from './seminar-helpers';

jest.setTimeout(120_000);

const SCORES = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

describe('seminar votes over HTTP', () => {
  let server: TestServer;
  let fixture: SeminarFixture;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createSeminarFixture(server);
  });
  afterAll(() => server.close());

  const storedScores = async (stakeIds: string[]) =>
    (await server.app.get(DataSource).query(`SELECT "participantId", "stakeId", "value" FROM "seminar_score"`)).filter((r: { stakeId: number }) =>
      stakeIds.includes(String(r.stakeId)),
    ) as { participantId: number; stakeId: number; value: number }[];

  it('sets the participant cookie HttpOnly and SameSite=Lax and links a logged-in user', async () => {
    const member = await server.registerUser();
    const result = await member.gql(JOIN, { joinCode: fixture.joinCode.toLowerCase(), displayName: 'Agente connectée', groupId: fixture.groupIds[0] });
    expect(result.errors).toBeUndefined();
    expect(result.data.joinSeminar.token.length).toBeGreaterThanOrEqual(40);
    const cookie = result.headers.getSetCookie().find((c) => c.startsWith('essaim_participant='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const [row] = await server.app
      .get(DataSource)
      .query(`SELECT "userId", "tokenHash" FROM "seminar_participant" WHERE "id" = ${Number(result.data.joinSeminar.id)}`);
    expect(Number(row.userId)).toBe(Number(member.userId));
    expect(row.tokenHash).not.toContain(result.data.joinSeminar.token);
    // Joining again renews the same participant instead of creating a second one.
    const again = await member.ok(JOIN, { joinCode: fixture.joinCode, displayName: 'Agente connectée', groupId: fixture.groupIds[1] });
    expect(again.joinSeminar.id).toBe(result.data.joinSeminar.id);
    expect(again.joinSeminar.group.id).toBe(fixture.groupIds[1]);
  });

  it('refuses an unknown code and a group of another seminar', async () => {
    const unknown = await server.client().gql(JOIN, { joinCode: 'NOPE00', displayName: 'X', groupId: fixture.groupIds[0] });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const other = await createSeminarFixture(server, ['Autre groupe']);
    const wrongGroup = await server.client().gql(JOIN, { joinCode: fixture.joinCode, displayName: 'X', groupId: other.groupIds[0] });
    expect(wrongGroup.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps exactly one score per participant and stake when 200 participants vote concurrently and resend their votes', async () => {
    const participants = await joinParticipants(server, fixture, 200);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    // Deterministic pseudo-random choices on the 0.5 grid.
    const choice = (p: number, s: number) => SCORES[(p * 7 + s * 3 + ((p * s) % 5)) % SCORES.length];
    const votes = participants.flatMap((p, pi) => fixture.stakeIds.map((stakeId, si) => ({ p, stakeId, value: choice(pi, si) })));
    // First a wrong score, then the final one twice, all in flight together per participant (replays).
    const send = (v: (typeof votes)[number], value: number) => v.p.client.gql(CAST, { stakeId: v.stakeId, value });
    // All 200 participants at once; each scores a stake (a first choice), then changes it and
    // sends the final score twice at the same time (a double tap, a replayed request).
    const errors = (
      await Promise.all(
        participants.map(async (p) => {
          const results = [];
          for (const v of votes.filter((x) => x.p === p)) {
            results.push(await send(v, 5 - v.value));
            results.push(...(await Promise.all([send(v, v.value), send(v, v.value)])));
          }
          return results;
        }),
      )
    )
      .flat()
      .filter((r) => r.errors);
    expect(errors.map((r) => r.errors)).toEqual([]);

    const stored = await storedScores(fixture.stakeIds);
    expect(stored).toHaveLength(200 * fixture.stakeIds.length);
    const keys = new Set(stored.map((r) => `${r.participantId}:${r.stakeId}`));
    expect(keys.size).toBe(stored.length);

    const { seminar } = await fixture.facilitator.ok(RESULTS, { id: fixture.seminarId });
    for (const [si, stake] of seminar.workshops[0].stakes.entries()) {
      const mine = votes.filter((v) => v.stakeId === stake.id);
      expect(stake.results.count).toBe(200);
      expect(stake.results.mean).toBeCloseTo(mean(mine.map((v) => v.value)), 10);
      for (const group of stake.results.byGroup) {
        const groupVotes = mine.filter((v) => v.p.groupId === group.group.id).map((v) => v.value);
        expect(group.count).toBe(groupVotes.length);
        expect(group.mean).toBeCloseTo(mean(groupVotes), 10);
      }
      expect(stake.results.distribution).toEqual(SCORES.map((s) => mine.filter((v) => v.value === s).length));
      expect(si).toBeLessThan(3);
    }
  }, 120_000);

  it('refuses scores off the grid, out of range or from an unknown token, and stores nothing', async () => {
    const [p] = await joinParticipants(server, fixture, 1);
    for (const value of [6, 2.3, -1]) {
      const result = await p.client.gql(CAST, { stakeId: fixture.stakeIds[0], value });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/note/i);
    }
    const stranger = server.client();
    stranger.headers['x-participant-token'] = 'x'.repeat(43);
    const unknown = await stranger.gql(CAST, { stakeId: fixture.stakeIds[0], value: 3 });
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const anonymous = await server.client().gql(CAST, { stakeId: fixture.stakeIds[0], value: 3 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const stored = await server.app.get(DataSource).query(`SELECT COUNT(*) AS "n" FROM "seminar_score" WHERE "participantId" = ${Number(p.id)}`);
    expect(Number(stored[0].n)).toBe(0);
  });

  it('lets only facilitators of the seminar open, close or change visibility', async () => {
    const [p] = await joinParticipants(server, fixture, 1);
    const asParticipant = await p.client.gql(SET_STATE, { workshopId: fixture.workshopId, state: 'CLOSED' });
    expect(asParticipant.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const member = await server.registerUser();
    expect((await member.gql(SET_STATE, { workshopId: fixture.workshopId, state: 'CLOSED' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherFacilitator = await server.userWithRole('FACILITATOR');
    expect((await otherFacilitator.gql(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'HIDDEN' })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const admin = await server.userWithRole('ADMIN');
    expect((await admin.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'LIVE' })).setResultsVisibility.resultsVisibility).toBe('LIVE');
    const { seminar } = await fixture.facilitator.ok(RESULTS, { id: fixture.seminarId });
    expect(seminar.workshops[0].state).toBe('OPEN');
  });

  it('never shows HIDDEN results to participants, through queries and subscriptions', async () => {
    const [p] = await joinParticipants(server, fixture, 1);
    await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'HIDDEN' });
    const live = subscribeWorkshop(server.url, fixture.workshopId, { participantToken: p.token });
    const facilitatorLive = subscribeWorkshop(server.url, fixture.workshopId, { cookie: fixture.facilitator.cookieHeader() });
    try {
      const { seminar } = await p.client.ok(RESULTS, { id: fixture.seminarId });
      expect(seminar.workshops[0].stakes.every((s: { results: unknown }) => s.results === null)).toBe(true);
      const anonymous = await server.client().ok(RESULTS, { id: fixture.seminarId });
      expect(anonymous.seminar.workshops[0].stakes[0].results).toBeNull();
      const asFacilitator = await fixture.facilitator.ok(RESULTS, { id: fixture.seminarId });
      expect(asFacilitator.seminar.workshops[0].stakes[0].results.count).toBeGreaterThan(0);

      await p.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4 });
      const seenByFacilitator = await facilitatorLive.waitFor((m) => m.resultsVisibility === 'HIDDEN' && m.stakes[0].results?.count === 201);
      expect(seenByFacilitator.stakes[0].results.count).toBe(201);
      await live.waitFor((m) => m.resultsVisibility === 'HIDDEN');
      expect(live.messages.length).toBeGreaterThan(0);
      expect(live.messages.filter((m) => m.resultsVisibility === 'HIDDEN').every((m) => m.stakes.every((s: { results: unknown }) => s.results === null))).toBe(
        true,
      );
    } finally {
      await live.close();
      await facilitatorLive.close();
    }
  });

  it('shows AFTER_CLOSE results to participants only once the workshop is closed, and then refuses votes without changing anything', async () => {
    const [p] = await joinParticipants(server, fixture, 1);
    await p.client.ok(CAST, { stakeId: fixture.stakeIds[1], value: 1 });
    await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'AFTER_CLOSE' });
    expect((await p.client.ok(RESULTS, { id: fixture.seminarId })).seminar.workshops[0].stakes[0].results).toBeNull();
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'CLOSED' });
    const before = await storedScores(fixture.stakeIds);

    const refused = await p.client.gql(CAST, { stakeId: fixture.stakeIds[1], value: 5 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/clos/);
    const newcomer = (await joinParticipants(server, fixture, 1))[0];
    expect((await newcomer.client.gql(CAST, { stakeId: fixture.stakeIds[1], value: 5 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const after = await storedScores(fixture.stakeIds);
    expect(after).toEqual(before);
    const visible = (await p.client.ok(RESULTS, { id: fixture.seminarId })).seminar.workshops[0].stakes[1].results;
    expect(visible.count).toBe(before.filter((r) => String(r.stakeId) === fixture.stakeIds[1]).length);

    // Reopening accepts votes again.
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    expect((await p.client.ok(CAST, { stakeId: fixture.stakeIds[1], value: 5 })).castScore.value).toBe(5);
  });

  it('coalesces live updates: a burst of votes gives a few updates, the last one with every vote', async () => {
    const local = await createSeminarFixture(server, ['A', 'B'], ['Enjeu live']);
    const participants = await joinParticipants(server, local, 120);
    await local.facilitator.ok(SET_STATE, { workshopId: local.workshopId, state: 'OPEN' });
    const live = subscribeWorkshop(server.url, local.workshopId, { participantToken: participants[0].token });
    try {
      await live.waitFor((m) => m.state === 'OPEN');
      const before = live.messages.length;
      await Promise.all(participants.map((p, i) => p.client.ok(CAST, { stakeId: local.stakeIds[0], value: SCORES[i % 11] })));
      const last = await live.waitFor((m) => m.stakes[0].results?.count === 120);
      expect(last.stakes[0].results.mean).toBeCloseTo(mean(participants.map((_, i) => SCORES[i % 11])), 10);
      await new Promise((r) => setTimeout(r, 400));
      const updates = live.messages.length - before;
      expect(updates).toBeGreaterThanOrEqual(1);
      expect(updates).toBeLessThan(20);
      expect(live.errors).toEqual([]);
    } finally {
      await live.close();
    }
  }, 60_000);

  it('gives someone who did not join the public view, as the seminar query does over HTTP', async () => {
    await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'HIDDEN' });
    const stranger = await server.registerUser();
    const live = subscribeWorkshop(server.url, fixture.workshopId, { cookie: stranger.cookieHeader() });
    try {
      const first = await live.waitFor((m) => m.resultsVisibility === 'HIDDEN');
      expect(first.stakes.length).toBeGreaterThan(0);
      expect(first.stakes.every((s: { results: unknown }) => s.results === null)).toBe(true);
      const overHttp = (await stranger.ok(RESULTS, { id: fixture.seminarId })).seminar.workshops[0];
      expect(overHttp.stakes.every((s: { results: unknown }) => s.results === null)).toBe(true);
      expect(live.errors).toEqual([]);
    } finally {
      await live.close();
    }
  });

  it('validates stakes: at most 100 at a time, blank lines skipped, numbered in order', async () => {
    const tooMany = await fixture.facilitator.gql(ADD_STAKES, { workshopId: fixture.workshopId, texts: Array.from({ length: 101 }, (_, i) => `Enjeu ${i}`) });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const { addStakes } = await fixture.facilitator.ok(ADD_STAKES, { workshopId: fixture.workshopId, texts: ['  Quatrième   enjeu ', '', 'Cinquième enjeu'] });
    expect(addStakes.map((s: { number: number; text: string }) => [s.number, s.text])).toEqual([
      [4, 'Quatrième enjeu'],
      [5, 'Cinquième enjeu'],
    ]);
  });
});
