import { DataSource } from 'typeorm';
import { GqlClient, startTestServer, TestServer } from './harness';
import { establishAccount } from './account-helpers';
import { SearchWorker } from '../src/search/search-worker';

jest.setTimeout(120_000);

type Client = GqlClient & { userId: string };

const CATEGORIES = `{ categories { id slug name theme } }`;
const CREATE_THREAD = `mutation($input: ThreadInput!) { createThread(input: $input) { id title locked pinned following author { id } category { slug } firstPost { id revision } } }`;
const REPLY = `mutation($threadId: ID!, $body: String!, $quotePostId: ID) { reply(threadId: $threadId, body: $body, quotePostId: $quotePostId) { id body bodyHtml revision author { id } quotedPost { id } } }`;
const EDIT = `mutation($id: ID!, $baseRevision: Int!, $body: String!) { editPost(id: $id, baseRevision: $baseRevision, body: $body) { id body revision } }`;
const REACT = `mutation($postId: ID!) { react(postId: $postId) { id reactions reactedByMe } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hidePost(id: $id, reason: $reason) { id hidden body hiddenReason } }`;
const LOCK = `mutation($id: ID!, $locked: Boolean!) { lockThread(id: $id, locked: $locked) { id locked } }`;
const ACCEPT = `mutation($postId: ID!) { acceptAnswer(postId: $postId) { id isQuestion acceptedPost { id } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { id title locked unread replyCount acceptedPost { id } posts(first: 50) { totalCount edges { node { id body bodyHtml hidden hiddenReason reactions author { id } } } } } }`;
const HISTORY = `query($id: ID!) { thread(id: $id) { posts(first: 1) { edges { node { id history { totalCount edges { node { number body } } } } } } } }`;

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('forum over HTTP', () => {
  let server: TestServer;
  let db: DataSource;
  let alice: Client; // established member, asks questions
  let bob: Client; // established member, answers
  let carol: Client; // established member
  let moderator: Client;
  let anonymous: GqlClient;
  let general: string;
  let education: string;

  /** New accounts are limited (links, post rate): most tests use accounts that have taken part already. */
  async function establish(client: Client): Promise<Client> {
    await establishAccount(db, client.userId);
    return client;
  }

  async function newThread(
    client: GqlClient,
    title = 'Un sujet de test pour le forum',
    body = 'Premier message du sujet.',
    extra: Record<string, unknown> = {},
  ) {
    return (await client.ok(CREATE_THREAD, { input: { categoryId: general, title, body, ...extra } })).createThread;
  }

  beforeAll(async () => {
    // The database full-text engine: deterministic here; the Meilisearch path shares the same source and outbox.
    server = await startTestServer({ SEARCH_ENGINE: 'fts' });
    db = server.app.get(DataSource);
    alice = await establish(await server.registerUser({ displayName: 'Alice Martin' }));
    bob = await establish(await server.registerUser({ displayName: 'Bob Durand' }));
    carol = await establish(await server.registerUser({ displayName: 'Carole Petit' }));
    moderator = await server.userWithRole('MODERATOR');
    anonymous = server.client();
    const { categories } = await anonymous.ok(CATEGORIES);
    general = categories.find((c: { slug: string }) => c.slug === 'general').id;
    education = categories.find((c: { slug: string }) => c.slug === 'education').id;
  });
  afterAll(() => server?.close());

  it('lists "Général", "Entraide" and one category per theme, created at start-up', async () => {
    const { categories } = await anonymous.ok(CATEGORIES);
    expect(categories.slice(0, 2).map((c: { name: string }) => c.name)).toEqual(['Général', 'Entraide']);
    expect(categories).toHaveLength(16);
    expect(categories.find((c: { theme: string }) => c.theme === 'EDUCATION')).toMatchObject({ slug: 'education', name: 'Éducation' });
  });

  it('lets members start threads (anonymous refused), renders Markdown safely and follows the thread for its author', async () => {
    const refused = await anonymous.gql(CREATE_THREAD, { input: { categoryId: general, title: 'Titre anonyme', body: 'x' } });
    expect(code(refused)).toBe('UNAUTHENTICATED');

    const thread = await newThread(alice, 'Markdown et sécurité', 'Du **gras** et <script>alert(1)</script>');
    expect(thread).toMatchObject({
      title: 'Markdown et sécurité',
      locked: false,
      following: true,
      author: { id: alice.userId },
      category: { slug: 'general' },
    });
    const { thread: read } = await anonymous.ok(THREAD, { id: thread.id });
    expect(read.posts.edges[0].node.bodyHtml).toContain('<strong>gras</strong>');
    expect(read.posts.edges[0].node.bodyHtml).not.toContain('<script>');

    const badInput = await alice.gql(CREATE_THREAD, { input: { categoryId: general, title: 'ab', body: 'ok' } });
    expect(code(badInput)).toBe('BAD_USER_INPUT');
    expect(badInput.errors?.[0].message).toMatch(/titre/i);
    const unknownCategory = await alice.gql(CREATE_THREAD, { input: { categoryId: '999999', title: 'Catégorie inconnue', body: 'ok' } });
    expect(code(unknownCategory)).toBe('NOT_FOUND');
  });

  it('checks reply permissions: anonymous, member, locked thread (members refused, moderators allowed)', async () => {
    const thread = await newThread(alice);
    expect(code(await anonymous.gql(REPLY, { threadId: thread.id, body: 'anonyme' }))).toBe('UNAUTHENTICATED');
    await bob.ok(REPLY, { threadId: thread.id, body: 'Réponse avant verrouillage.' });

    expect(code(await bob.gql(LOCK, { id: thread.id, locked: true }))).toBe('FORBIDDEN');
    expect((await moderator.ok(LOCK, { id: thread.id, locked: true })).lockThread.locked).toBe(true);

    const locked = await bob.gql(REPLY, { threadId: thread.id, body: 'Après verrouillage.' });
    expect(code(locked)).toBe('FORBIDDEN');
    expect(locked.errors?.[0].message).toMatch(/verrouillé/);
    const firstPostEdit = await alice.gql(EDIT, { id: thread.firstPost.id, baseRevision: 1, body: 'modifié' });
    expect(code(firstPostEdit)).toBe('FORBIDDEN');
    await moderator.ok(REPLY, { threadId: thread.id, body: 'La modération explique pourquoi le sujet est verrouillé.' });

    await moderator.ok(LOCK, { id: thread.id, locked: false });
    await bob.ok(REPLY, { threadId: thread.id, body: 'Déverrouillé, je peux répondre.' });
    const { thread: read } = await anonymous.ok(THREAD, { id: thread.id });
    expect(read.replyCount).toBe(3);

    const log = await moderator.ok(`query($t: ID) { moderationLog(threadId: $t) { totalCount edges { node { action moderator { id } } } } }`, { t: thread.id });
    expect(log.moderationLog.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['UNLOCK_THREAD', 'LOCK_THREAD']);
    expect(code(await bob.gql(`{ moderationLog { totalCount } }`))).toBe('FORBIDDEN');
  });

  it('keeps edits as revisions and refuses a stale baseRevision with CONFLICT', async () => {
    const thread = await newThread(alice);
    const postId = thread.firstPost.id;
    expect((await alice.ok(EDIT, { id: postId, baseRevision: 1, body: 'Version 2' })).editPost).toMatchObject({ revision: 2, body: 'Version 2' });

    const stale = await alice.gql(EDIT, { id: postId, baseRevision: 1, body: 'Version écrite sur une base périmée' });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentRevision).toBe(2);
    expect(stale.errors?.[0].message).toMatch(/modifié entre-temps/);

    expect(code(await bob.gql(EDIT, { id: postId, baseRevision: 2, body: 'Pas mon message' }))).toBe('FORBIDDEN');
    expect(code(await anonymous.gql(EDIT, { id: postId, baseRevision: 2, body: 'anonyme' }))).toBe('UNAUTHENTICATED');
    expect((await moderator.ok(EDIT, { id: postId, baseRevision: 2, body: 'Version 3 (modération)' })).editPost.revision).toBe(3);

    // Two edits from the same base at once: exactly one wins, the other is told, nothing is overwritten.
    const results = await Promise.all([
      alice.gql(EDIT, { id: postId, baseRevision: 3, body: 'Concurrente A' }),
      alice.gql(EDIT, { id: postId, baseRevision: 3, body: 'Concurrente B' }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => code(r) === 'CONFLICT').length).toBe(1);

    const history = (await alice.ok(HISTORY, { id: thread.id })).thread.posts.edges[0].node.history;
    expect(history.totalCount).toBe(4);
    expect(history.edges.map((e: { node: { number: number } }) => e.node.number)).toEqual([4, 3, 2, 1]);
    expect(history.edges[3].node.body).toBe('Premier message du sujet.');
    expect((await moderator.ok(HISTORY, { id: thread.id })).thread.posts.edges[0].node.history.totalCount).toBe(4);
    const othersHistory = await bob.gql(HISTORY, { id: thread.id });
    expect(code(othersHistory)).toBe('FORBIDDEN');
  });

  it('counts a reaction once however often it is sent, even concurrently', async () => {
    const thread = await newThread(alice);
    const postId = thread.firstPost.id;
    expect(code(await anonymous.gql(REACT, { postId }))).toBe('UNAUTHENTICATED');
    expect(code(await alice.gql(REACT, { postId }))).toBe('BAD_USER_INPUT');

    for (let i = 0; i < 3; i++) expect((await bob.ok(REACT, { postId })).react).toMatchObject({ reactions: 1, reactedByMe: true });
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => carol.gql(REACT, { postId })));
    expect(concurrent.every((r) => !r.errors)).toBe(true);
    const { thread: read } = await anonymous.ok(THREAD, { id: thread.id });
    expect(read.posts.edges[0].node.reactions).toBe(2);

    await bob.ok(`mutation($postId: ID!) { unreact(postId: $postId) { id } }`, { postId });
    expect((await anonymous.ok(THREAD, { id: thread.id })).thread.posts.edges[0].node.reactions).toBe(1);
  });

  it('hides posts: ordinary users see the reason instead of the content; moderators see both', async () => {
    const thread = await newThread(alice, 'Sujet avec un message à masquer');
    const secret = 'contenuconfidentielxyz';
    const post = (await bob.ok(REPLY, { threadId: thread.id, body: `Message insultant ${secret}` })).reply;

    expect(code(await carol.gql(HIDE, { id: post.id, reason: 'Propos insultants' }))).toBe('FORBIDDEN');
    expect(code(await anonymous.gql(HIDE, { id: post.id, reason: 'Propos insultants' }))).toBe('UNAUTHENTICATED');
    expect(code(await moderator.gql(HIDE, { id: post.id, reason: '' }))).toBe('BAD_USER_INPUT');
    expect((await moderator.ok(HIDE, { id: post.id, reason: 'Propos insultants' })).hidePost).toMatchObject({
      hidden: true,
      hiddenReason: 'Propos insultants',
    });

    for (const viewer of [anonymous, carol, bob]) {
      const { thread: read } = await viewer.ok(THREAD, { id: thread.id });
      const node = read.posts.edges[1].node;
      expect(node).toMatchObject({ hidden: true, hiddenReason: 'Propos insultants' });
      expect(node.body).toMatch(/masqué par la modération : Propos insultants/);
      expect(JSON.stringify(read)).not.toContain(secret);
    }
    const asModerator = (await moderator.ok(THREAD, { id: thread.id })).thread;
    expect(asModerator.posts.edges[1].node.body).toContain(secret);
    expect(asModerator.replyCount).toBe(0);

    expect(code(await carol.gql(REACT, { postId: post.id }))).toBe('FORBIDDEN');
    expect(code(await bob.gql(EDIT, { id: post.id, baseRevision: 1, body: 'je corrige' }))).toBe('FORBIDDEN');
    expect(code(await carol.gql(REPLY, { threadId: thread.id, body: 'Je cite', quotePostId: post.id }))).toBe('BAD_USER_INPUT');
    expect(code(await alice.gql(ACCEPT, { postId: post.id }))).toBe('BAD_USER_INPUT');
    expect(code(await bob.gql(HISTORY.replace('first: 1', 'first: 2'), { id: thread.id }))).toBe('FORBIDDEN');

    // The search index is rebuilt from visible posts only.
    await server.app.get(SearchWorker).drain();
    const search = await anonymous.ok(`query($q: String!) { search(q: $q, types: [THREAD]) { total hits { id } } }`, { q: secret });
    expect(search.search.total).toBe(0);
    const byTitle = await anonymous.ok(`query($q: String!) { search(q: $q, types: [THREAD]) { total hits { id url } } }`, { q: 'masquer' });
    expect(byTitle.search.hits).toContainEqual({ id: thread.id, url: `/forum/sujet/${thread.id}` });
  });

  it('lets flags reach the moderators queue; hiding acts on them', async () => {
    const thread = await newThread(alice);
    const post = (await bob.ok(REPLY, { threadId: thread.id, body: 'Publicité hors sujet' })).reply;
    const FLAG = `mutation($postId: ID!, $reason: String!) { flagPost(postId: $postId, reason: $reason) }`;
    expect(code(await anonymous.gql(FLAG, { postId: post.id, reason: 'Spam' }))).toBe('UNAUTHENTICATED');
    expect((await carol.ok(FLAG, { postId: post.id, reason: 'Spam publicitaire' })).flagPost).toBe(true);
    expect((await carol.ok(FLAG, { postId: post.id, reason: 'Spam publicitaire' })).flagPost).toBe(true);
    const QUEUE = `{ flaggedPosts { totalCount edges { node { reason status post { id } reporter { id } } } } }`;
    expect(code(await carol.gql(QUEUE))).toBe('FORBIDDEN');
    const queue = (await moderator.ok(QUEUE)).flaggedPosts;
    expect(queue.edges.filter((e: { node: { post: { id: string } } }) => e.node.post.id === post.id)).toEqual([
      { node: { reason: 'Spam publicitaire', status: 'OPEN', post: { id: post.id }, reporter: { id: carol.userId } } },
    ]);
    await moderator.ok(HIDE, { id: post.id, reason: 'Publicité' });
    const after = (await moderator.ok(QUEUE)).flaggedPosts;
    expect(after.edges.some((e: { node: { post: { id: string } } }) => e.node.post.id === post.id)).toBe(false);
  });

  it('lets only the thread author (or a moderator) accept an answer', async () => {
    const thread = await newThread(alice, 'Une question sur la fibre', 'Comment raccorder les écoles ?', { isQuestion: true });
    const answer = (await bob.ok(REPLY, { threadId: thread.id, body: 'Par le syndicat mixte.' })).reply;
    expect(code(await bob.gql(ACCEPT, { postId: answer.id }))).toBe('FORBIDDEN');
    expect(code(await anonymous.gql(ACCEPT, { postId: answer.id }))).toBe('UNAUTHENTICATED');
    expect(code(await alice.gql(ACCEPT, { postId: thread.firstPost.id }))).toBe('BAD_USER_INPUT');
    expect((await alice.ok(ACCEPT, { postId: answer.id })).acceptAnswer).toMatchObject({ isQuestion: true, acceptedPost: { id: answer.id } });
    expect((await anonymous.ok(THREAD, { id: thread.id })).thread.acceptedPost.id).toBe(answer.id);
  });

  it('limits new accounts (no links, slower posting) until they have taken part', async () => {
    const newcomer = await server.registerUser({ displayName: 'Nouveau Venu' });
    const thread = await newThread(alice);
    const link = await newcomer.gql(REPLY, { threadId: thread.id, body: 'Voyez https://exemple.fr pour plus de détails' });
    expect(code(link)).toBe('FORBIDDEN');
    expect(link.errors?.[0].message).toMatch(/liens/);
    // Still new after three posts (limits lift at five posts or two days): the fourth in ten minutes is refused.
    for (let i = 0; i < 3; i++) await newcomer.ok(REPLY, { threadId: thread.id, body: `Message ${i} du nouveau compte` });
    const fourth = await newcomer.gql(REPLY, { threadId: thread.id, body: 'Quatrième message trop rapide' });
    expect(code(fourth)).toBe('RATE_LIMITED');
    expect(fourth.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // An established member may post links.
    await bob.ok(REPLY, { threadId: thread.id, body: 'La doc : https://franceconnect.gouv.fr' });
  });

  it('sorts thread lists by latest activity, top and unanswered, pinned first, with cursor pagination', async () => {
    const LIST = `query($slug: String!, $sort: ThreadSort, $first: Int, $after: String) {
      forumCategory(slug: $slug) { threadCount threads(sort: $sort, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title pinned replyCount } } } } }`;
    const dave = await establish(await server.registerUser({ displayName: 'David Lefèvre' }));
    const old = await newThread(dave, 'Éducation : sujet ancien', 'ancien', { categoryId: education });
    const popular = await newThread(dave, 'Éducation : sujet populaire', 'populaire', { categoryId: education });
    const fresh = await newThread(dave, 'Éducation : sujet récent', 'récent', { categoryId: education });
    await bob.ok(REACT, { postId: popular.firstPost.id });
    await carol.ok(REACT, { postId: popular.firstPost.id });
    await bob.ok(REPLY, { threadId: old.id, body: 'Une réponse remonte ce sujet.' });

    const ids = (r: any) => r.forumCategory.threads.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids(await anonymous.ok(LIST, { slug: 'education', sort: 'LATEST' }))).toEqual([old.id, fresh.id, popular.id]);
    expect(ids(await anonymous.ok(LIST, { slug: 'education', sort: 'TOP' }))[0]).toBe(popular.id);
    expect(ids(await anonymous.ok(LIST, { slug: 'education', sort: 'UNANSWERED' }))).toEqual([fresh.id, popular.id]);

    await moderator.ok(`mutation($id: ID!) { pinThread(id: $id, pinned: true) { pinned } }`, { id: popular.id });
    const page1 = await anonymous.ok(LIST, { slug: 'education', first: 2 });
    expect(ids(page1)).toEqual([popular.id, old.id]);
    expect(page1.forumCategory.threads.pageInfo.hasNextPage).toBe(true);
    const page2 = await anonymous.ok(LIST, { slug: 'education', first: 2, after: page1.forumCategory.threads.pageInfo.endCursor });
    expect(ids(page2)).toEqual([fresh.id]);
    expect(page1.forumCategory.threadCount).toBe(3);

    await moderator.ok(`mutation($id: ID!, $c: ID!) { moveThread(id: $id, categoryId: $c) { category { slug } } }`, { id: fresh.id, c: general });
    expect((await anonymous.ok(LIST, { slug: 'education' })).forumCategory.threadCount).toBe(2);
    expect(code(await bob.gql(`mutation($id: ID!) { pinThread(id: $id, pinned: false) { pinned } }`, { id: popular.id }))).toBe('FORBIDDEN');
  });

  it('tracks unread markers per user', async () => {
    const UNREAD = `query($id: ID!) { thread(id: $id) { unread lastReadPostId } }`;
    const erin = await establish(await server.registerUser({ displayName: 'Erin Moreau' }));
    const thread = await newThread(erin);
    expect((await erin.ok(UNREAD, { id: thread.id })).thread).toEqual({ unread: false, lastReadPostId: thread.firstPost.id });
    expect((await bob.ok(UNREAD, { id: thread.id })).thread.unread).toBe(true);
    expect((await anonymous.ok(UNREAD, { id: thread.id })).thread.unread).toBe(false);
    await bob.ok(`mutation($t: ID!) { markThreadRead(threadId: $t) { id } }`, { t: thread.id });
    expect((await bob.ok(UNREAD, { id: thread.id })).thread.unread).toBe(false);
    await carol.ok(REPLY, { threadId: thread.id, body: 'Nouveau message' });
    expect((await bob.ok(UNREAD, { id: thread.id })).thread.unread).toBe(true);
    expect((await erin.ok(UNREAD, { id: thread.id })).thread.unread).toBe(true);
  });

  it('gives every project sheet one Discussion thread, created by its first message', async () => {
    const project = (
      await alice.ok(`mutation($input: ProjectInput!) { createProject(input: $input) { id slug } }`, {
        input: {
          title: 'Fibre dans les écoles de test',
          summary: 'Résumé du projet.',
          body: 'Corps du projet.',
          themes: ['EDUCATION'],
          stage: 'IN_PROGRESS',
          territoryCode: '91228',
        },
      })
    ).createProject;
    const DISCUSSION = `query($slug: String!) { project(slug: $slug) { discussion { id title project { id } } } }`;
    expect((await anonymous.ok(DISCUSSION, { slug: project.slug })).project.discussion).toBeNull();

    const thread = await newThread(bob, 'Discussion : fibre dans les écoles', 'Premier message', {
      projectId: project.id,
      categoryId: education,
      isQuestion: true,
    });
    expect((await anonymous.ok(DISCUSSION, { slug: project.slug })).project.discussion).toEqual({
      id: thread.id,
      title: 'Discussion : fibre dans les écoles',
      project: { id: project.id },
    });

    const again = await carol.gql(CREATE_THREAD, { input: { categoryId: education, title: 'Une deuxième discussion', body: 'x', projectId: project.id } });
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors?.[0].extensions?.threadId).toBe(thread.id);
    expect(code(await carol.gql(CREATE_THREAD, { input: { categoryId: education, title: 'Projet inconnu', body: 'x', projectId: '999999' } }))).toBe(
      'NOT_FOUND',
    );
  });
});
