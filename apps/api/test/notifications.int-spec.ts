import { DataSource } from 'typeorm';
import { GqlClient, startTestServer, TestServer } from './harness';
import { establishAccount } from './account-helpers';
import { NotificationsService } from '../src/notifications/notifications.service';

jest.setTimeout(120_000);

type Client = GqlClient & { userId: string };

const NOTIFICATIONS = `query($first: Int, $after: String) { unreadNotificationCount notifications(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind message url read } } } }`;
const CREATE_THREAD = `mutation($input: ThreadInput!) { createThread(input: $input) { id firstPost { id } } }`;
const REPLY = `mutation($threadId: ID!, $body: String!) { reply(threadId: $threadId, body: $body) { id bodyHtml } }`;
const FOLLOW = `mutation($t: FollowTargetType!, $id: ID!) { follow(targetType: $t, targetId: $id) }`;
const UNFOLLOW = `mutation($t: FollowTargetType!, $id: ID!) { unfollow(targetType: $t, targetId: $id) }`;

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
type Note = { kind: string; message: string; url: string; read: boolean };
const notes = async (c: GqlClient): Promise<{ count: number; list: Note[] }> => {
  const data = await c.ok(NOTIFICATIONS, { first: 100 });
  return { count: data.unreadNotificationCount, list: data.notifications.edges.map((e: { node: Note }) => e.node) };
};

describe('followers and notifications over HTTP', () => {
  let server: TestServer;
  let db: DataSource;
  let general: string;
  let alice: Client;
  let bob: Client;
  let carol: Client;
  let anonymous: GqlClient;

  async function member(displayName: string): Promise<Client> {
    const client = await server.registerUser({ displayName });
    await establishAccount(db, client.userId);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer({ SEARCH_ENGINE: 'fts' });
    db = server.app.get(DataSource);
    alice = await member('Alice Martin');
    bob = await member('Bob Durand');
    carol = await member('Carole Petit');
    anonymous = server.client();
    general = (await anonymous.ok(`{ categories { id slug } }`)).categories.find((c: { slug: string }) => c.slug === 'general').id;
  });
  afterAll(() => server?.close());

  it('notifies the followers of a thread (its author, those who replied) of replies, but not the one who wrote', async () => {
    const before = { alice: (await notes(alice)).list.length, bob: (await notes(bob)).list.length, carol: (await notes(carol)).list.length };
    const thread = (await alice.ok(CREATE_THREAD, { input: { categoryId: general, title: 'Qui suit ce sujet ?', body: 'Question de départ.' } })).createThread;
    const bobReply = (await bob.ok(REPLY, { threadId: thread.id, body: 'Première réponse.' })).reply;

    const forAlice = await notes(alice);
    expect(forAlice.list.length).toBe(before.alice + 1);
    expect(forAlice.list[0]).toMatchObject({
      kind: 'REPLY',
      message: 'Bob Durand a répondu dans « Qui suit ce sujet ? ».',
      url: `/forum/sujet/${thread.id}#message-${bobReply.id}`,
      read: false,
    });
    expect((await notes(bob)).list.length).toBe(before.bob);

    // Bob follows the thread automatically now; Carol does not until she takes part.
    await alice.ok(REPLY, { threadId: thread.id, body: 'Merci !' });
    expect((await notes(bob)).list[0]).toMatchObject({ kind: 'REPLY', message: 'Alice Martin a répondu dans « Qui suit ce sujet ? ».' });
    expect((await notes(carol)).list.length).toBe(before.carol);

    // Following explicitly, then unfollowing, is honoured.
    await carol.ok(FOLLOW, { t: 'THREAD', id: thread.id });
    expect((await carol.ok(`query($id: ID!) { thread(id: $id) { following } }`, { id: thread.id })).thread.following).toBe(true);
    await bob.ok(REPLY, { threadId: thread.id, body: 'Encore une réponse.' });
    expect((await notes(carol)).list.length).toBe(before.carol + 1);
    await carol.ok(UNFOLLOW, { t: 'THREAD', id: thread.id });
    await bob.ok(REPLY, { threadId: thread.id, body: 'Et une autre.' });
    expect((await notes(carol)).list.length).toBe(before.carol + 1);
  });

  it('notifies mentioned users once (@[Nom complet] anywhere, @Prénom among participants), even when they follow', async () => {
    const dave = await member('David Lefèvre');
    const thread = (await alice.ok(CREATE_THREAD, { input: { categoryId: general, title: 'Mentions', body: 'Bonjour @[Carole Petit], un avis ?' } }))
      .createThread;
    const forCarol = await notes(carol);
    expect(forCarol.list[0]).toMatchObject({
      kind: 'MENTION',
      message: 'Alice Martin vous a mentionné·e dans « Mentions ».',
      url: `/forum/sujet/${thread.id}#message-${thread.firstPost.id}`,
    });

    await dave.ok(REPLY, { threadId: thread.id, body: 'Je participe.' });
    const daveBefore = (await notes(dave)).list.length;
    const aliceBefore = (await notes(alice)).list.length;
    // Dave follows the thread (he replied) and is mentioned by his first name: one MENTION, no REPLY.
    const reply = (await bob.ok(REPLY, { threadId: thread.id, body: 'Je rejoins @David sur ce point, et `@Alice` dans du code ne compte pas.' })).reply;
    const forDave = await notes(dave);
    expect(forDave.list.length).toBe(daveBefore + 1);
    expect(forDave.list[0].kind).toBe('MENTION');
    expect(reply.bodyHtml).toContain('<span class="mention">@David</span>');
    // Alice follows as the author: a REPLY, not a MENTION (her name was in code).
    const forAlice = await notes(alice);
    expect(forAlice.list.length).toBe(aliceBefore + 1);
    expect(forAlice.list[0].kind).toBe('REPLY');

    // Mentioning yourself, or someone unknown, notifies nobody.
    const carolBefore = (await notes(carol)).list.length;
    await carol.ok(REPLY, { threadId: thread.id, body: 'Moi-même @[Carole Petit] et @[Personne Inconnue].' });
    expect((await notes(carol)).list.length).toBe(carolBefore);
  });

  it('notifies the answer author when the question author accepts it', async () => {
    const thread = (await alice.ok(CREATE_THREAD, { input: { categoryId: general, title: 'Question acceptée', body: 'Comment faire ?', isQuestion: true } }))
      .createThread;
    const answer = (await bob.ok(REPLY, { threadId: thread.id, body: 'Comme ceci.' })).reply;
    await alice.ok(`mutation($postId: ID!) { acceptAnswer(postId: $postId) { id } }`, { postId: answer.id });
    expect((await notes(bob)).list[0]).toMatchObject({
      kind: 'ACCEPTED_ANSWER',
      message: 'Alice Martin a accepté votre réponse dans « Question acceptée ».',
      url: `/forum/sujet/${thread.id}#message-${answer.id}`,
    });
  });

  it('shows users their own notifications only, paginated, and marks them read', async () => {
    expect(code(await anonymous.gql(NOTIFICATIONS))).toBe('UNAUTHENTICATED');
    expect((await anonymous.ok(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(0);
    expect(code(await anonymous.gql(`mutation { markNotificationsRead }`))).toBe('UNAUTHENTICATED');

    const erin = await member('Erin Moreau');
    const mine = await notes(erin);
    expect(mine).toEqual({ count: 0, list: [] });

    const aliceNotes = await alice.ok(NOTIFICATIONS, { first: 2 });
    expect(aliceNotes.notifications.edges).toHaveLength(2);
    expect(aliceNotes.notifications.pageInfo.hasNextPage).toBe(true);
    const next = await alice.ok(NOTIFICATIONS, { first: 2, after: aliceNotes.notifications.pageInfo.endCursor });
    expect(next.notifications.edges[0].node.id).not.toBe(aliceNotes.notifications.edges[1].node.id);
    expect(aliceNotes.unreadNotificationCount).toBeGreaterThan(2);

    // Marking one, then all.
    const one = aliceNotes.notifications.edges[0].node.id;
    await alice.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [one] });
    const afterOne = await alice.ok(NOTIFICATIONS, { first: 1 });
    expect(afterOne.notifications.edges[0].node.read).toBe(true);
    expect(afterOne.unreadNotificationCount).toBe(aliceNotes.unreadNotificationCount - 1);
    // Someone else's ids are ignored.
    const bobUnread = (await notes(bob)).count;
    await erin.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [one] });
    expect((await bob.ok(`mutation { markNotificationsRead }`)).markNotificationsRead).toBe(true);
    expect((await notes(bob)).count).toBe(0);
    expect(bobUnread).toBeGreaterThan(0);
    expect((await notes(alice)).count).toBe(aliceNotes.unreadNotificationCount - 1);
  });

  it('lets users follow project sheets; other features notify those followers inside their own transaction', async () => {
    const project = (
      await alice.ok(`mutation($input: ProjectInput!) { createProject(input: $input) { id slug title } }`, {
        input: { title: 'Guichet numérique de test', summary: 'Résumé.', body: 'Corps.', themes: ['DIGITAL_INCLUSION'], stage: 'IDEA', territoryCode: '91228' },
      })
    ).createProject;
    expect(code(await anonymous.gql(FOLLOW, { t: 'PROJECT', id: project.id }))).toBe('UNAUTHENTICATED');
    expect(code(await bob.gql(FOLLOW, { t: 'PROJECT', id: '999999' }))).toBe('NOT_FOUND');
    expect(code(await bob.gql(FOLLOW, { t: 'SHEEP', id: project.id }))).toBe('BAD_USER_INPUT');
    await bob.ok(FOLLOW, { t: 'PROJECT', id: project.id });
    await bob.ok(FOLLOW, { t: 'PROJECT', id: project.id });
    await carol.ok(FOLLOW, { t: 'PROJECT', id: project.id });
    expect((await bob.ok(`query($id: ID!) { isFollowing(targetType: PROJECT, targetId: $id) }`, { id: project.id })).isFollowing).toBe(true);
    // The author follows her new sheet without asking.
    expect((await alice.ok(`query($id: ID!) { isFollowing(targetType: PROJECT, targetId: $id) }`, { id: project.id })).isFollowing).toBe(true);

    const service = server.app.get(NotificationsService);
    const bobBefore = (await notes(bob)).list.length;
    const carolBefore = (await notes(carol)).list.length;
    // A rolled-back change announces nothing.
    await expect(
      db.transaction(async (m) => {
        await service.notifyFollowers(
          m,
          { targetType: 'PROJECT', targetId: project.id },
          { kind: 'BLOCKER_LIFTED', message: 'Un frein est levé.', url: `/projets/${project.slug}` },
        );
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await notes(bob)).list.length).toBe(bobBefore);

    const notified = await db.transaction((m) =>
      service.notifyFollowers(
        m,
        { targetType: 'PROJECT', targetId: project.id },
        { kind: 'BLOCKER_LIFTED', message: `Un frein du projet « ${project.title} » est levé.`, url: `/projets/${project.slug}` },
        [Number(carol.userId), Number(alice.userId)],
      ),
    );
    expect(notified).toEqual([Number(bob.userId)]);
    expect((await notes(bob)).list[0]).toMatchObject({
      kind: 'BLOCKER_LIFTED',
      message: 'Un frein du projet « Guichet numérique de test » est levé.',
      url: `/projets/${project.slug}`,
      read: false,
    });
    expect((await notes(carol)).list.length).toBe(carolBefore);

    // Opening the project's Discussion notifies its followers.
    const thread = (
      await alice.ok(CREATE_THREAD, { input: { categoryId: general, title: 'Discussion du guichet', body: 'Ouvrons la discussion.', projectId: project.id } })
    ).createThread;
    expect((await notes(carol)).list[0]).toMatchObject({ kind: 'PROJECT_DISCUSSION', url: `/forum/sujet/${thread.id}` });

    await bob.ok(UNFOLLOW, { t: 'PROJECT', id: project.id });
    expect((await bob.ok(`query($id: ID!) { isFollowing(targetType: PROJECT, targetId: $id) }`, { id: project.id })).isFollowing).toBe(false);
  });
});
