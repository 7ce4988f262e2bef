import { LiveService } from '../src/seminars/live/live.service';
import { sharedExecutionStats } from '../src/graphql/live/shared-execution';
import { LIVE_SHARED_FIELDS, LIVE_VIEWER_FIELDS } from '../src/seminars/live/workshop-snapshot';
import { startTestServer, TestServer } from './harness';
import {
  CAST,
  createSeminarFixture,
  joinParticipants,
  LiveSubscription,
  SeminarFixture,
  SET_STATE,
  SET_VISIBILITY,
  subscribeWorkshop,
} from './seminar-helpers';

/**
 * Live fan-out (docs/seminars.md): one execution per update, audience and document, shared by
 * the subscribers of that audience; visibility enforced per audience; the anonymous projector.
 */
jest.setTimeout(120_000);

const PROPOSE_STAKE = `mutation($workshopId: ID!, $text: String!) { proposeStake(workshopId: $workshopId, text: $text) { id } }`;
/** One document for everybody: what differs between payloads is the audience only. */
const FULL = `subscription($workshopId: ID!) { workshopUpdated(workshopId: $workshopId) {
  id state resultsVisibility
  stakes { id text results { count mean byGroup { group { id name } count } } }
  proposedStakes { id text }
} }`;
const MINE = `subscription($workshopId: ID!) { workshopUpdated(workshopId: $workshopId) { id stakes { id myScore results { count } } } }`;
const HTTP_PUBLIC = `query($id: ID!) { seminar(id: $id) { workshops { id state resultsVisibility stakes { id text myScore results { count mean byGroup { group { id name } count } } } proposedStakes { id text } } } }`;

type Follower = LiveSubscription;

/** A graphql-ws subscription to workshopUpdated with any document, as a phone, a console or the projector. */
function follow(server: TestServer, workshopId: string, query: string, options: { participantToken?: string; cookie?: string } = {}): Follower {
  return subscribeWorkshop(server.url, workshopId, { ...options, query, timeoutMs: 15_000 });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const totalCount = (m: { stakes: { results: { count: number } | null }[] }) => m.stakes.reduce((sum, s) => sum + (s.results?.count ?? 0), 0);

describe('live workshop fan-out', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('sends managers and everyone else different payloads for the same update and document, and never leaks one into the other', async () => {
    const fixture: SeminarFixture = await createSeminarFixture(server);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'HIDDEN' });
    const participants = await joinParticipants(server, fixture, 8);
    const admin = await server.userWithRole('ADMIN');
    const stranger = await server.registerUser();

    const managers = [
      follow(server, fixture.workshopId, FULL, { cookie: fixture.facilitator.cookieHeader() }),
      follow(server, fixture.workshopId, FULL, { cookie: admin.cookieHeader() }),
    ];
    const everyoneElse = [
      ...participants.slice(0, 5).map((p) => follow(server, fixture.workshopId, FULL, { participantToken: p.token })),
      follow(server, fixture.workshopId, FULL), // the anonymous projector
      follow(server, fixture.workshopId, FULL, { cookie: stranger.cookieHeader() }),
    ];
    const all = [...managers, ...everyoneElse];
    try {
      await Promise.all(all.map((f) => f.waitFor((m) => m.state === 'OPEN')));
      const before = { ...sharedExecutionStats };

      await participants[6].client.ok(PROPOSE_STAKE, { workshopId: fixture.workshopId, text: 'Un enjeu proposé en séance' });
      for (const [i, p] of participants.entries()) await p.client.ok(CAST, { stakeId: fixture.stakeIds[i % 3], value: 4 });
      // The managers see the votes and the proposal in the very update the others receive without them.
      for (const f of managers) await f.waitFor((m) => totalCount(m) === 8 && m.proposedStakes.length === 1);
      await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'LIVE' });
      for (const f of all) await f.waitFor((m) => m.resultsVisibility === 'LIVE' && totalCount(m) === 8);
      await participants[7].client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 1 });
      for (const f of all) await f.waitFor((m) => m.resultsVisibility === 'LIVE' && m.stakes[0].results.mean === 3.25);
      await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'HIDDEN' });
      for (const f of all) await f.waitFor((m) => m.resultsVisibility === 'HIDDEN' && (m.stakes[0].results === null) === everyoneElse.includes(f));
      await sleep(400); // let any straggling update arrive before checking every message

      for (const f of all) expect(f.errors).toEqual([]);
      for (const f of managers) {
        for (const m of f.messages) expect(m.stakes.every((s: { results: unknown }) => s.results !== null)).toBe(true);
        expect(f.messages.at(-1).proposedStakes).toEqual([{ id: expect.any(String), text: 'Un enjeu proposé en séance' }]);
      }
      for (const f of everyoneElse) {
        for (const m of f.messages) {
          expect(m.proposedStakes).toEqual([]);
          if (m.resultsVisibility !== 'LIVE') expect(m.stakes.every((s: { results: unknown }) => s.results === null)).toBe(true);
        }
      }
      // The same update reached both audiences as different payloads.
      const managerPayloads = new Set(managers.flatMap((f) => f.messages.map((m) => JSON.stringify(m))));
      for (const f of everyoneElse) for (const m of f.messages) if (m.resultsVisibility !== 'LIVE') expect(managerPayloads.has(JSON.stringify(m))).toBe(false);

      // And the work was shared: far fewer executions than messages delivered.
      const executed = sharedExecutionStats.executed - before.executed;
      const reused = sharedExecutionStats.reused - before.reused;
      const delivered = all.reduce((n, f) => n + f.messages.length, 0);
      expect(reused).toBeGreaterThan(0);
      expect(executed).toBeLessThan(delivered / 2);
    } finally {
      await Promise.all(all.map((f) => f.close()));
    }
  });

  it('lets the anonymous projector follow a workshop with exactly what the public page shows over HTTP', async () => {
    const fixture = await createSeminarFixture(server, ['Élus', 'Agents'], ['Premier', 'Second']);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'AFTER_CLOSE' });
    const participants = await joinParticipants(server, fixture, 4);
    const anonymousHttp = server.client();
    const projector = follow(server, fixture.workshopId, FULL.replace('text results', 'text myScore results'));
    const overHttp = async () =>
      (await anonymousHttp.ok(HTTP_PUBLIC, { id: fixture.seminarId })).seminar.workshops.find((w: { id: string }) => w.id === fixture.workshopId);
    try {
      const first = await projector.waitFor((m) => m.state === 'OPEN');
      expect(projector.errors).toEqual([]);
      expect(first).toEqual(await overHttp());

      await participants[0].client.ok(PROPOSE_STAKE, { workshopId: fixture.workshopId, text: 'Une proposition' });
      for (const [i, p] of participants.entries()) await p.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: i + 1 });
      // AFTER_CLOSE while open: no results, no proposals, no score of its own, like the page.
      await sleep(600);
      for (const m of projector.messages) {
        expect(m.proposedStakes).toEqual([]);
        expect(m.stakes.every((s: { results: unknown; myScore: unknown }) => s.results === null && s.myScore === null)).toBe(true);
      }

      await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'CLOSED' });
      const closed = await projector.waitFor((m) => m.state === 'CLOSED');
      expect(closed.stakes[0].results).toMatchObject({ count: 4, mean: 2.5 });
      expect(closed).toEqual(await overHttp());

      await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'HIDDEN' });
      const hidden = await projector.waitFor((m) => m.resultsVisibility === 'HIDDEN');
      expect(hidden.stakes.every((s: { results: unknown }) => s.results === null)).toBe(true);
      expect(hidden).toEqual(await overHttp());
      expect(projector.errors).toEqual([]);
    } finally {
      await projector.close();
    }
  });

  it('shows a vote and a support to anonymous readers over HTTP at once (the read cache is told about raw-SQL writes)', async () => {
    const fixture = await createSeminarFixture(server);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    const [p, q] = await joinParticipants(server, fixture, 2);
    const anonymous = server.client();
    const read = async () =>
      (await anonymous.ok(HTTP_PUBLIC, { id: fixture.seminarId })).seminar.workshops.find((w: { id: string }) => w.id === fixture.workshopId);
    expect((await read()).stakes[0].results.count).toBe(0); // now in the anonymous cache
    await p.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 3 });
    expect((await read()).stakes[0].results.count).toBe(1);
    const { proposeReformulation } = await p.client.ok(
      `mutation($stakeId: ID!) { proposeReformulation(stakeId: $stakeId, text: "Une autre formulation") { id } }`,
      { stakeId: fixture.stakeIds[0] },
    );
    const REFORMULATIONS = `query($id: ID!) { seminar(id: $id) { workshops { stakes { reformulations { id supports } } } } }`;
    const supports = async () => (await anonymous.ok(REFORMULATIONS, { id: fixture.seminarId })).seminar.workshops[0].stakes[0].reformulations[0].supports;
    expect(await supports()).toBe(0);
    await q.client.ok(`mutation($id: ID!) { supportReformulation(id: $id) { id } }`, { id: proposeReformulation.id });
    expect(await supports()).toBe(1);
  });

  it('gives each participant its own score, fresh at every update (executed per subscriber)', async () => {
    const fixture = await createSeminarFixture(server);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    const [alice, bob] = await joinParticipants(server, fixture, 2);
    const aliceLive = follow(server, fixture.workshopId, MINE, { participantToken: alice.token });
    const bobLive = follow(server, fixture.workshopId, MINE, { participantToken: bob.token });
    try {
      await Promise.all([aliceLive.waitFor(() => true), bobLive.waitFor(() => true)]);
      await alice.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 3 });
      await aliceLive.waitFor((m) => m.stakes[0].myScore === 3);
      await alice.client.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4.5 });
      await aliceLive.waitFor((m) => m.stakes[0].myScore === 4.5);
      await bob.client.ok(CAST, { stakeId: fixture.stakeIds[1], value: 1 });
      const bobs = await bobLive.waitFor((m) => m.stakes[1].myScore === 1);
      expect(bobs.stakes[0].myScore).toBeNull();
      await sleep(300);
      expect(bobLive.messages.every((m) => m.stakes[0].myScore === null)).toBe(true);
      expect(aliceLive.messages.every((m) => m.stakes[1].myScore === null)).toBe(true);
    } finally {
      await aliceLive.close();
      await bobLive.close();
    }
  });

  it('brings every one of many subscribers to the final state and releases the hub when they leave', async () => {
    const fixture = await createSeminarFixture(server, ['A', 'B'], ['Un', 'Deux']);
    await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
    await fixture.facilitator.ok(SET_VISIBILITY, { workshopId: fixture.workshopId, visibility: 'LIVE' });
    const participants = await joinParticipants(server, fixture, 150);
    const followers = participants.map((p) => follow(server, fixture.workshopId, FULL, { participantToken: p.token }));
    const live = server.app.get(LiveService);
    try {
      await Promise.all(followers.map((f) => f.waitFor((m) => m.state === 'OPEN')));
      expect(live.localSubscribers(Number(fixture.workshopId))).toBe(150);
      await Promise.all(participants.map((p, i) => p.client.ok(CAST, { stakeId: fixture.stakeIds[i % 2], value: (i % 11) / 2 })));
      await Promise.all(followers.map((f) => f.waitFor((m) => totalCount(m) === 150)));
      for (const f of followers) {
        expect(f.errors).toEqual([]);
        // Never back in time: counts only grow.
        const counts = f.messages.map(totalCount);
        expect(counts).toEqual([...counts].sort((a, b) => a - b));
      }
    } finally {
      await Promise.all(followers.map((f) => f.close()));
    }
    for (let i = 0; i < 50 && live.localSubscribers(Number(fixture.workshopId)) > 0; i++) await sleep(100);
    expect(live.localSubscribers(Number(fixture.workshopId))).toBe(0);
  });

  it('holds WebSocket operations to the same limits as HTTP ones (GraphQL Armor: here, too many aliases)', async () => {
    const fixture = await createSeminarFixture(server);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: id`).join(' ');
    const wide = follow(server, fixture.workshopId, `subscription($workshopId: ID!) { workshopUpdated(workshopId: $workshopId) { ${aliases} } }`);
    try {
      const deadline = Date.now() + 5_000;
      while (wide.errors.length === 0 && Date.now() < deadline) await sleep(50);
      expect(JSON.stringify(wide.errors)).toMatch(/alias/i);
      expect(wide.messages).toEqual([]);
    } finally {
      await wide.close();
    }
  });

  it('classifies every field reachable from workshopUpdated as shared or viewer-dependent', async () => {
    const { __schema } = await server
      .client()
      .ok(
        `{ __schema { types { name kind fields { name type { ...T } } } } } fragment T on __Type { name kind ofType { name kind ofType { name kind ofType { name kind } } } }`,
      );
    const types = new Map<string, { name: string; kind: string; fields: { name: string; type: any }[] | null }>(__schema.types.map((t: any) => [t.name, t]));
    const named = (type: any): string => (type.ofType ? named(type.ofType) : type.name);
    const reachable = new Set<string>();
    const visit = (typeName: string, seen = new Set<string>()) => {
      if (seen.has(typeName)) return;
      seen.add(typeName);
      const type = types.get(typeName);
      if (type?.kind !== 'OBJECT') return;
      for (const field of type.fields ?? []) {
        reachable.add(`${typeName}.${field.name}`);
        visit(named(field.type), seen);
      }
    };
    visit('Workshop');
    const unclassified = [...reachable].filter((c) => !LIVE_SHARED_FIELDS.has(c) && !LIVE_VIEWER_FIELDS.has(c));
    expect(unclassified).toEqual([]);
    expect([...LIVE_SHARED_FIELDS].filter((c) => LIVE_VIEWER_FIELDS.has(c))).toEqual([]);
  });
});
