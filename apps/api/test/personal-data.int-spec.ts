import { DataSource } from 'typeorm';
import { establishAccount } from './account-helpers';
import { startTestServer, TEST_DB, TestServer, TEST_PASSWORD, uniqueEmail } from './harness';
import { CAST, createSeminarFixture, JOIN, SET_STATE } from './seminar-helpers';

describe('personal data (RGPD)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('exports what Essaim holds about me, without secrets', async () => {
    const email = uniqueEmail('rgpd');
    const me = await server.registerUser({ email, displayName: 'Camille Export' });
    const { myPersonalData } = await me.ok(`{ myPersonalData }`);
    const exported = JSON.parse(myPersonalData);
    expect(exported.account).toMatchObject({ email, displayName: 'Camille Export', territoryCode: '91228' });
    expect(myPersonalData).not.toMatch(/passwordHash|argon2/);
    expect((await server.client().gql(`{ myPersonalData }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('deletes my account after confirming the password, frees the e-mail and logs me out', async () => {
    const email = uniqueEmail('bye');
    const me = await server.registerUser({ email, displayName: 'Dominique Départ' });
    const wrong = await me.gql(`mutation { deleteMyAccount(password: "not my password") }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await me.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: TEST_PASSWORD })).deleteMyAccount).toBe(true);
    expect((await me.ok(`{ me { id } }`)).me).toBeNull();
    const login = await server.client().gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: email, p: TEST_PASSWORD });
    expect(login.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await server.registerUser({ email, displayName: 'Nouveau compte' });
  });

  describe('what deletion removes or anonymises, and what the export holds (issue 17)', () => {
    const sql = (text: string) => (TEST_DB === 'postgres' ? text : text.replace(/\$\d+/g, '?'));
    let db: DataSource;
    beforeAll(() => {
      db = server.app.get(DataSource);
    });

    it('removes peer lists, flags, reactions and memberships; cuts and revokes seminar participation; rewords notifications naming the user', async () => {
      const alice = await server.registerUser({ displayName: 'Alice Témoin' });
      const gaspard = await server.registerUser({ displayName: 'Gaspard Départ' });
      await establishAccount(db, alice.userId);
      await establishAccount(db, gaspard.userId);
      const gaspardId = Number(gaspard.userId);

      // Forum: Alice opens a thread, Gaspard answers (Alice is notified by name), finds her post useful and flags it.
      const { categories } = await alice.ok(`{ categories { id slug } }`);
      const categoryId = categories.find((c: { slug: string }) => c.slug === 'general').id;
      const thread = (
        await alice.ok(`mutation($i: ThreadInput!) { createThread(input: $i) { id firstPost { id } } }`, {
          i: { categoryId, title: 'Un sujet pour la suppression', body: 'Premier message.' },
        })
      ).createThread;
      await gaspard.ok(`mutation($t: ID!) { reply(threadId: $t, body: "Ma réponse, signée Gaspard.") { id } }`, { t: thread.id });
      await gaspard.ok(`mutation($p: ID!) { react(postId: $p) { id } }`, { p: thread.firstPost.id });
      await gaspard.ok(`mutation($p: ID!) { flagPost(postId: $p, reason: "Signalement de test") }`, { p: thread.firstPost.id });
      await gaspard.ok(`mutation { savePeerList(name: "Mes pairs", peerCodes: ["91228", "91377"]) { id } }`);
      const aliceBefore = await alice.ok(`{ notifications(first: 20) { edges { node { kind message } } } }`);
      expect(aliceBefore.notifications.edges.map((e: { node: { message: string } }) => e.node.message)).toContainEqual(
        expect.stringMatching(/^Gaspard Départ a répondu/),
      );

      // Seminar: Gaspard joins while logged in, votes and proposes a reformulation.
      const fixture = await createSeminarFixture(server);
      await fixture.facilitator.ok(SET_STATE, { workshopId: fixture.workshopId, state: 'OPEN' });
      const { joinSeminar } = await gaspard.ok(JOIN, { joinCode: fixture.joinCode, displayName: 'Gaspard au séminaire', groupId: fixture.groupIds[0] });
      const participant = server.client();
      participant.headers['x-participant-token'] = joinSeminar.token;
      await participant.ok(CAST, { stakeId: fixture.stakeIds[0], value: 4.5 });
      await participant.ok(`mutation($s: ID!) { proposeReformulation(stakeId: $s, text: "Une reformulation de Gaspard") { id } }`, { s: fixture.stakeIds[0] });

      // The export holds the scores and reformulations (through the participation) and the membership.
      const exported = JSON.parse((await gaspard.ok(`{ myPersonalData }`)).myPersonalData);
      expect(exported.data.seminar_score).toEqual([expect.objectContaining({ value: 4.5 })]);
      expect(exported.data.seminar_reformulation).toEqual([expect.objectContaining({ text: 'Une reformulation de Gaspard' })]);
      expect(exported.data.membership).toEqual([expect.objectContaining({ territoryCode: '91228' })]);
      expect(exported.data.peer_list).toHaveLength(1);
      expect(exported.data.forum_flag).toHaveLength(1);
      expect(exported.data.forum_reaction).toHaveLength(1);
      expect(JSON.stringify(exported.data.notification ?? [])).not.toContain('Alice');

      // A notification written before notifications recorded their actor: found by kind and leading name.
      await db.query(sql(`INSERT INTO "notification" ("userId", "kind", "message", "url", "read") VALUES ($1, 'REPLY', $2, '/forum', $3)`), [
        Number(alice.userId),
        'Gaspard Départ a répondu dans « Un ancien sujet ».',
        TEST_DB === 'postgres' ? false : 0,
      ]);

      expect((await gaspard.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: TEST_PASSWORD })).deleteMyAccount).toBe(true);

      for (const [table, column] of [
        ['peer_list', 'ownerId'],
        ['forum_flag', 'userId'],
        ['forum_reaction', 'userId'],
        ['membership', 'userId'],
        ['seminar_participant', 'userId'],
      ]) {
        const [row] = await db.query(sql(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" = $1`), [gaspardId]);
        expect([table, Number(row.n)]).toEqual([table, 0]);
      }
      const [seat] = await db.query(sql(`SELECT "displayName", "userId" FROM "seminar_participant" WHERE "id" = $1`), [Number(joinSeminar.id)]);
      expect(seat).toEqual({ displayName: 'Ancien membre', userId: null });
      // The token no longer votes; the score stays in the results, attached to no one.
      const vote = await participant.gql(CAST, { stakeId: fixture.stakeIds[1], value: 2 });
      expect(vote.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
      const [scores] = await db.query(sql(`SELECT COUNT(*) AS n FROM "seminar_score" WHERE "stakeId" = $1`), [Number(fixture.stakeIds[0])]);
      expect(Number(scores.n)).toBe(1);

      const aliceAfter = await alice.ok(`{ notifications(first: 20) { edges { node { kind message } } } }`);
      const messages: string[] = aliceAfter.notifications.edges.map((e: { node: { message: string } }) => e.node.message);
      expect(messages.join('\n')).not.toContain('Gaspard');
      expect(messages).toContainEqual(expect.stringMatching(/^Un ancien membre a répondu dans « Un sujet pour la suppression »/));
      expect(messages).toContain('Un ancien membre a répondu dans « Un ancien sujet ».');
    });
  });
});
