import { createClient, Client as WsClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { GqlClient, TestServer } from './harness';

export const CREATE_SEMINAR = `mutation($input: SeminarInput!) { createSeminar(input: $input) { id joinCode title } }`;
export const ADD_GROUP = `mutation($seminarId: ID!, $name: String!) { addGroup(seminarId: $seminarId, name: $name) { id name } }`;
export const ADD_WORKSHOP = `mutation($seminarId: ID!, $title: String!) { addWorkshop(seminarId: $seminarId, title: $title) { id state resultsVisibility } }`;
export const ADD_STAKES = `mutation($workshopId: ID!, $texts: [String!]!) { addStakes(workshopId: $workshopId, texts: $texts) { id number text } }`;
export const SET_STATE = `mutation($workshopId: ID!, $state: VotingState!) { setWorkshopState(workshopId: $workshopId, state: $state) { id state } }`;
export const SET_VISIBILITY = `mutation($workshopId: ID!, $visibility: ResultsVisibility!) { setResultsVisibility(workshopId: $workshopId, visibility: $visibility) { id resultsVisibility } }`;
export const JOIN = `mutation($joinCode: String!, $displayName: String!, $groupId: ID!) { joinSeminar(joinCode: $joinCode, displayName: $displayName, groupId: $groupId) { id displayName token group { id name } } }`;
export const CAST = `mutation($stakeId: ID!, $value: Float!) { castScore(stakeId: $stakeId, value: $value) { stakeId value } }`;
export const RESULTS = `query($id: ID!) { seminar(id: $id) { workshops { id state resultsVisibility stakes { id number text originalText isAddition results { mean count distribution divergent byGroup { group { id name } mean count formatted } } } } } }`;
export const WORKSHOP_SUBSCRIPTION = `subscription($workshopId: ID!) { workshopUpdated(workshopId: $workshopId) { id state resultsVisibility stakes { id results { count mean byGroup { group { id } count mean } } } } }`;

export interface SeminarFixture {
  facilitator: GqlClient;
  seminarId: string;
  joinCode: string;
  groupIds: string[];
  workshopId: string;
  stakeIds: string[];
}

/** A facilitator, a seminar with groups, one workshop with stakes (left in DRAFT). */
export async function createSeminarFixture(
  server: TestServer,
  groups = ['Groupe 1', 'Groupe 2'],
  stakes = ['Premier enjeu', 'Deuxième enjeu', 'Troisième enjeu'],
): Promise<SeminarFixture> {
  const facilitator = await userWithRoleOn(server, 'FACILITATOR');
  const { createSeminar } = await facilitator.ok(CREATE_SEMINAR, { input: { title: 'Séminaire de test', date: '2025-03-14T09:00:00.000Z' } });
  const groupIds: string[] = [];
  for (const name of groups) groupIds.push((await facilitator.ok(ADD_GROUP, { seminarId: createSeminar.id, name })).addGroup.id);
  const { addWorkshop } = await facilitator.ok(ADD_WORKSHOP, { seminarId: createSeminar.id, title: 'Atelier de test' });
  const { addStakes } = await facilitator.ok(ADD_STAKES, { workshopId: addWorkshop.id, texts: stakes });
  return {
    facilitator,
    seminarId: createSeminar.id,
    joinCode: createSeminar.joinCode,
    groupIds,
    workshopId: addWorkshop.id,
    stakeIds: addStakes.map((s: { id: string }) => s.id),
  };
}

/** Like server.userWithRole, but follows the server's own driver (a cluster test runs PostgreSQL under a SQLite suite). */
export async function userWithRoleOn(server: TestServer, role: 'FACILITATOR' | 'ADMIN' | 'MODERATOR'): Promise<GqlClient & { userId: string }> {
  const client = await server.registerUser();
  const placeholder = server.config.databaseUrl ? '$1' : '?';
  const second = server.config.databaseUrl ? '$2' : '?';
  await server.app.get(DataSource).query(`UPDATE "user" SET "role" = ${placeholder} WHERE "id" = ${second}`, [role, Number(client.userId)]);
  return client;
}

export interface JoinedParticipant {
  client: GqlClient;
  id: string;
  token: string;
  groupId: string;
}

/** Joins `count` participants (round-robin over the groups), a few at a time. */
export async function joinParticipants(server: TestServer, fixture: SeminarFixture, count: number, concurrency = 20): Promise<JoinedParticipant[]> {
  const result: JoinedParticipant[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const groupId = fixture.groupIds[i % fixture.groupIds.length];
        const client = server.client();
        const { joinSeminar } = await client.ok(JOIN, { joinCode: fixture.joinCode, displayName: `Participant ${i}`, groupId });
        // API clients use the header; drop the cookie so the header is what is tested.
        client.cookies.clear();
        client.headers['x-participant-token'] = joinSeminar.token;
        result[i] = { client, id: joinSeminar.id, token: joinSeminar.token, groupId };
      }
    }),
  );
  return result;
}

export interface LiveSubscription<T = any> {
  messages: T[];
  errors: unknown[];
  /** Resolves with the first message (already received or future) that satisfies `predicate`. */
  waitFor(predicate: (message: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Subscribes over graphql-ws like a browser or a phone would. */
export function subscribeWorkshop(
  baseUrl: string,
  workshopId: string,
  options: { participantToken?: string; cookie?: string; query?: string; timeoutMs?: number } = {},
): LiveSubscription {
  const messages: any[] = [];
  const errors: unknown[] = [];
  const waiters: { predicate: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  const headers = options.cookie ? { cookie: options.cookie } : undefined;
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client: WsClient = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderWebSocket,
    connectionParams: options.participantToken ? { participantToken: options.participantToken } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const dispose = client.subscribe(
    { query: options.query ?? WORKSHOP_SUBSCRIPTION, variables: { workshopId } },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        const message = (value.data as any)?.workshopUpdated;
        if (!message) return;
        messages.push(message);
        for (const waiter of [...waiters]) {
          if (waiter.predicate(message)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(message);
          }
        }
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    messages,
    errors,
    waitFor(predicate, timeoutMs = options.timeoutMs ?? 10_000) {
      const existing = messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`No matching update in ${timeoutMs} ms (got ${messages.length}: ${JSON.stringify(messages.at(-1))}; errors ${JSON.stringify(errors)})`),
            ),
          timeoutMs,
        );
        waiters.push({ predicate, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
