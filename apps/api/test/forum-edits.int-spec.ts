import { DataSource } from 'typeorm';
import { GqlClient, startTestServer, TestServer } from './harness';
import { establishAccount } from './account-helpers';

jest.setTimeout(120_000);

type Client = GqlClient & { userId: string };

const CREATE_THREAD = `mutation($input: ThreadInput!) { createThread(input: $input) { id firstPost { id } } }`;
const REPLY = `mutation($threadId: ID!, $body: String!) { reply(threadId: $threadId, body: $body) { id } }`;
const EDIT = `mutation($id: ID!, $baseRevision: Int!, $body: String!) { editPost(id: $id, baseRevision: $baseRevision, body: $body) { id revision bodyHtml } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hidePost(id: $id, reason: $reason) { id } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { kind message url } } } }`;

type Note = { kind: string; message: string; url: string };
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('forum edits over HTTP: conflicts carry the current text, new mentions notify', () => {
  let server: TestServer;
  let db: DataSource;
  let alice: Client;
  let bob: Client;
  let carol: Client;
  let dave: Client;
  let moderator: Client;
  let general: string;

  /** Accounts past the new-account limits (links, posting rate). */
  async function establish(client: Client): Promise<Client> {
    await establishAccount(db, client.userId);
    return client;
  }

  const mentionsOf = async (client: GqlClient, url: string): Promise<Note[]> =>
    (await client.ok(NOTIFICATIONS)).notifications.edges.map((e: { node: Note }) => e.node).filter((n: Note) => n.kind === 'MENTION' && n.url === url);

  async function newThread(client: Client, title: string, body: string) {
    return (await client.ok(CREATE_THREAD, { input: { categoryId: general, title, body } })).createThread as { id: string; firstPost: { id: string } };
  }

  beforeAll(async () => {
    server = await startTestServer({ SEARCH_ENGINE: 'fts' });
    db = server.app.get(DataSource);
    alice = await establish(await server.registerUser({ displayName: 'Alice Martin' }));
    bob = await establish(await server.registerUser({ displayName: 'Bob Durand' }));
    carol = await establish(await server.registerUser({ displayName: 'Carole Petit' }));
    dave = await establish(await server.registerUser({ displayName: 'David Lefèvre' }));
    moderator = await server.userWithRole('MODERATOR');
    const { categories } = await server.client().ok(`{ categories { id slug } }`);
    general = categories.find((c: { slug: string }) => c.slug === 'general').id;
  });
  afterAll(() => server?.close());

  it('answers a stale baseRevision with CONFLICT carrying the current text, its revision and who saved it', async () => {
    const thread = await newThread(alice, 'Sujet modifié par deux personnes', 'Texte de départ.');
    const postId = thread.firstPost.id;
    await moderator.ok(EDIT, { id: postId, baseRevision: 1, body: 'Version de la modération.' });
    const { me } = await moderator.ok(`{ me { displayName } }`);

    const stale = await alice.gql(EDIT, { id: postId, baseRevision: 1, body: 'Mon texte à ne pas perdre.' });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/modifié entre-temps \(révision 2, vous partiez de la révision 1\).*ni enregistré ni perdu/);
    const extensions = stale.errors?.[0].extensions as Record<string, unknown>;
    expect(extensions).toMatchObject({
      currentRevision: 2,
      baseRevision: 1,
      current: { revision: 2, body: 'Version de la modération.', author: { id: moderator.userId, displayName: me.displayName } },
    });
    expect(new Date((extensions.current as { savedAt: string }).savedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Saving again from the version shown replaces exactly that version.
    expect((await alice.ok(EDIT, { id: postId, baseRevision: 2, body: 'Fusion des deux textes.' })).editPost.revision).toBe(3);
    const again = await alice.gql(EDIT, { id: postId, baseRevision: 2, body: 'Encore en retard.' });
    expect((again.errors?.[0].extensions as { current: { body: string; author: { id: string } } }).current).toMatchObject({
      body: 'Fusion des deux textes.',
      author: { id: alice.userId },
    });
  });

  it('notifies users that an edit newly mentions, once each, never the author or those already mentioned', async () => {
    const thread = await newThread(alice, 'Mentions ajoutées en modifiant', 'Bonjour @[Bob Durand].');
    const postId = thread.firstPost.id;
    const url = `/forum/sujet/${thread.id}#message-${postId}`;
    expect(await mentionsOf(bob, url)).toHaveLength(1);

    const edited = await alice.ok(EDIT, { id: postId, baseRevision: 1, body: 'Bonjour @[Bob Durand] et @[Carole Petit], moi-même @[Alice Martin].' });
    expect(edited.editPost.bodyHtml).toContain('<span class="mention">@Carole Petit</span>');
    expect(await mentionsOf(carol, url)).toEqual([
      { kind: 'MENTION', message: 'Alice Martin vous a mentionné·e dans « Mentions ajoutées en modifiant ».', url },
    ]);
    expect(await mentionsOf(bob, url)).toHaveLength(1);
    expect(await mentionsOf(alice, url)).toHaveLength(0);

    // Same people, other words: nobody is told again; dropping Carole then naming her again does not ping her twice.
    await alice.ok(EDIT, { id: postId, baseRevision: 2, body: 'Re-bonjour @[Bob Durand] et @[Carole Petit].' });
    await alice.ok(EDIT, { id: postId, baseRevision: 3, body: 'Re-bonjour @[Bob Durand].' });
    await alice.ok(EDIT, { id: postId, baseRevision: 4, body: 'Re-bonjour @[Bob Durand] et @[Carole Petit] !' });
    expect(await mentionsOf(carol, url)).toHaveLength(1);
    expect(await mentionsOf(bob, url)).toHaveLength(1);

    // A mention in code names nobody, on edits as on publication.
    await alice.ok(EDIT, { id: postId, baseRevision: 5, body: 'Re-bonjour `@[David Lefèvre]`.' });
    expect(await mentionsOf(dave, url)).toHaveLength(0);
  });

  it('resolves @Prénom among the thread participants on edits too', async () => {
    const thread = await newThread(alice, 'Participants et mentions courtes', 'Qui a un retour ?');
    await dave.ok(REPLY, { threadId: thread.id, body: 'Moi, je participe.' });
    const reply = (await bob.ok(REPLY, { threadId: thread.id, body: 'Je réponds sans nommer personne.' })).reply;
    const url = `/forum/sujet/${thread.id}#message-${reply.id}`;
    await bob.ok(EDIT, { id: reply.id, baseRevision: 1, body: 'Je rejoins @David sur ce point.' });
    expect(await mentionsOf(dave, url)).toEqual([
      { kind: 'MENTION', message: 'Bob Durand vous a mentionné·e dans « Participants et mentions courtes ».', url },
    ]);
  });

  it("does not notify the post's author when a moderator names them, nor anyone about a hidden post", async () => {
    const thread = await newThread(alice, 'Modération et mentions', 'Un message ordinaire.');
    const reply = (await bob.ok(REPLY, { threadId: thread.id, body: 'Réponse de Bob.' })).reply;
    const url = `/forum/sujet/${thread.id}#message-${reply.id}`;
    await moderator.ok(EDIT, { id: reply.id, baseRevision: 1, body: 'Réponse de Bob, corrigée pour @[Bob Durand].' });
    expect(await mentionsOf(bob, url)).toHaveLength(0);

    await moderator.ok(HIDE, { id: reply.id, reason: 'Hors sujet' });
    await moderator.ok(EDIT, { id: reply.id, baseRevision: 2, body: 'Masqué, mais modifié pour @[Carole Petit].' });
    expect(await mentionsOf(carol, url)).toHaveLength(0);
  });
});
