import { DataSource } from 'typeorm';
import { createProject, projectInput, UPDATE_PROJECT } from './wiki-fixtures';
import { GqlClient, startTestServer, TEST_DB, TestServer } from './harness';

jest.setTimeout(120_000);

type Client = GqlClient & { userId: string };
type Note = { id: string; kind: string; message: string; url: string; read: boolean };

const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { id kind message url read } } } }`;
const FOLLOW = `mutation($id: ID!) { follow(targetType: PROJECT, targetId: $id) }`;
const UNFOLLOW = `mutation($id: ID!) { unfollow(targetType: PROJECT, targetId: $id) }`;
const IS_FOLLOWING = `query($id: ID!) { isFollowing(targetType: PROJECT, targetId: $id) }`;
const RESTORE = `mutation($id: ID!, $revision: Int!) { restoreProjectRevision(id: $id, revision: $revision) { revision } }`;
const HIDE = `mutation($id: ID!, $revision: Int!) { hideProjectRevision(id: $id, revision: $revision, hidden: true, reason: "Vandalisme") { revision } }`;
const REPLICATE = `mutation($id: ID!, $code: String!) { replicateProject(sourceId: $id, territoryCode: $code) { id slug } }`;

/** The PROJECT_* notifications of a user about one sheet, newest first. */
async function sheetNotes(client: GqlClient, slug: string): Promise<Note[]> {
  const data = await client.ok(NOTIFICATIONS);
  return data.notifications.edges.map((e: { node: Note }) => e.node).filter((n: Note) => n.kind.startsWith('PROJECT_') && n.url.startsWith(`/projets/${slug}`));
}

/** Project sheets tell their followers about new revisions and replications, without flooding. */
describe('wiki: followers of a sheet', () => {
  let server: TestServer;
  let db: DataSource;
  let alice: Client;
  let bob: Client;
  let carol: Client;

  const save = (client: GqlClient, project: { id: string }, base: number, body: string) =>
    client.ok(UPDATE_PROJECT, { id: project.id, base, input: projectInput({ title: 'Guichet suivi', body }) });

  beforeAll(async () => {
    server = await startTestServer({ SEARCH_ENGINE: 'fts' });
    db = server.app.get(DataSource);
    alice = await server.registerUser({ displayName: 'Alice Martin', territoryCode: '91228' });
    bob = await server.registerUser({ displayName: 'Bob Durand', territoryCode: '91174' });
    carol = await server.registerUser({ displayName: 'Carole Petit', territoryCode: '91228' });
  });
  afterAll(() => server?.close());

  it('makes the author follow the new sheet and tells other followers of each new revision', async () => {
    const project = await createProject(alice, { title: 'Guichet suivi', body: 'Version 1.' });
    expect((await alice.ok(IS_FOLLOWING, { id: project.id })).isFollowing).toBe(true);
    expect((await bob.ok(IS_FOLLOWING, { id: project.id })).isFollowing).toBe(false);
    await bob.ok(FOLLOW, { id: project.id });

    await save(alice, project, 1, 'Version 2.');
    expect(await sheetNotes(bob, project.slug)).toEqual([
      expect.objectContaining({
        kind: 'PROJECT_UPDATED',
        message: 'Alice Martin a modifié la fiche « Guichet suivi » (révision 2).',
        url: `/projets/${project.slug}/historique?de=1&a=2`,
        read: false,
      }),
    ]);
    // The editor hears nothing of their own save; a save that changes nothing makes no revision and no notification.
    expect(await sheetNotes(alice, project.slug)).toEqual([]);
    await save(alice, project, 2, 'Version 2.');
    expect(await sheetNotes(bob, project.slug)).toHaveLength(1);

    // A stale save is refused (CONFLICT) and announces nothing.
    const stale = await carol.gql(UPDATE_PROJECT, { id: project.id, base: 1, input: projectInput({ title: 'Guichet suivi', body: 'Trop tard.' }) });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await sheetNotes(bob, project.slug)).toHaveLength(1);
  });

  it('replaces the unread notification of the same editor within the hour instead of piling up', async () => {
    const project = await createProject(alice, { title: 'Guichet suivi', body: 'Version 1.' });
    await bob.ok(FOLLOW, { id: project.id });
    await save(alice, project, 1, 'Version 2.');
    await save(alice, project, 2, 'Version 3.');
    await save(alice, project, 3, 'Version 4.');
    let notes = await sheetNotes(bob, project.slug);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      message: 'Alice Martin a modifié la fiche « Guichet suivi » (révisions 2 à 4).',
      url: `/projets/${project.slug}/historique?de=1&a=4`,
    });

    // Another editor: a notification of their own, which Alice (a follower as the author) gets too.
    await save(carol, project, 4, 'Version 5.');
    notes = await sheetNotes(bob, project.slug);
    expect(notes.map((n) => n.message)).toEqual([
      'Carole Petit a modifié la fiche « Guichet suivi » (révision 5).',
      'Alice Martin a modifié la fiche « Guichet suivi » (révisions 2 à 4).',
    ]);
    expect((await sheetNotes(alice, project.slug)).map((n) => n.url)).toEqual([`/projets/${project.slug}/historique?de=4&a=5`]);

    // Back to Alice: her unread one is replaced and comes first again, spanning revisions 2 to 6.
    await save(alice, project, 5, 'Version 6.');
    notes = await sheetNotes(bob, project.slug);
    expect(notes.map((n) => n.url)).toEqual([`/projets/${project.slug}/historique?de=1&a=6`, `/projets/${project.slug}/historique?de=4&a=5`]);

    // Once read, the next revision is a new notification.
    await bob.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [notes[0].id] });
    await save(alice, project, 6, 'Version 7.');
    notes = await sheetNotes(bob, project.slug);
    expect(notes.map((n) => [n.url, n.read])).toEqual([
      [`/projets/${project.slug}/historique?de=6&a=7`, false],
      [`/projets/${project.slug}/historique?de=1&a=6`, true],
      [`/projets/${project.slug}/historique?de=4&a=5`, false],
    ]);

    // An unread one older than the hour stays as it is; the new revision gets its own notification.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const sql =
      TEST_DB === 'postgres' ? `UPDATE "notification" SET "createdAt" = $1 WHERE "id" = $2` : `UPDATE "notification" SET "createdAt" = ? WHERE "id" = ?`;
    await db.query(sql, [TEST_DB === 'postgres' ? twoHoursAgo : twoHoursAgo.toISOString().replace('T', ' ').replace('Z', ''), Number(notes[0].id)]);
    await save(alice, project, 7, 'Version 8.');
    notes = await sheetNotes(bob, project.slug);
    expect(notes.filter((n) => !n.read && n.message.startsWith('Alice')).map((n) => n.url)).toEqual([
      `/projets/${project.slug}/historique?de=7&a=8`,
      `/projets/${project.slug}/historique?de=6&a=7`,
    ]);
  });

  it('announces a restore, withdraws the notification of a revision a moderator hides, and stops after unfollowing', async () => {
    const moderator = await server.userWithRole('MODERATOR', '91174');
    const project = await createProject(alice, { title: 'Guichet suivi', body: 'Version 1.' });
    await bob.ok(FOLLOW, { id: project.id });
    await carol.ok(FOLLOW, { id: project.id });

    await alice.ok(RESTORE, { id: project.id, revision: 1 }); // identical content: no revision, no notification
    await save(alice, project, 1, 'Version 2.');
    await bob.ok(`mutation { markNotificationsRead }`);
    await alice.ok(RESTORE, { id: project.id, revision: 1 });
    expect((await sheetNotes(bob, project.slug))[0]).toMatchObject({
      message: 'Alice Martin a restauré la révision 1 de la fiche « Guichet suivi » (révision 3).',
      url: `/projets/${project.slug}/historique?de=2&a=3`,
      read: false,
    });

    // Vandalism by Carol, hidden by a moderator: Bob's unread notification of it disappears, and the
    // moderator's rollback to the last visible revision is not announced.
    await save(carol, project, 3, 'Texte vandalisé.');
    expect((await sheetNotes(bob, project.slug)).filter((n) => n.message.startsWith('Carole'))).toHaveLength(1);
    await moderator.ok(HIDE, { id: project.id, revision: 4 });
    const afterHide = await sheetNotes(bob, project.slug);
    expect(afterHide.filter((n) => n.message.startsWith('Carole'))).toEqual([]);
    expect(afterHide.filter((n) => !n.read).map((n) => n.message)).toEqual([
      'Alice Martin a restauré la révision 1 de la fiche « Guichet suivi » (révision 3).',
    ]);
    expect((await sheetNotes(alice, project.slug)).filter((n) => n.message.startsWith('Carole'))).toEqual([]);

    await bob.ok(UNFOLLOW, { id: project.id });
    const bobBefore = (await sheetNotes(bob, project.slug)).length;
    await save(alice, project, 5, 'Version 6.');
    expect(await sheetNotes(bob, project.slug)).toHaveLength(bobBefore);
    // Carol has not read Alice's earlier notification: it now covers revisions 2 to 6 (the hidden 4
    // lies inside the range, which compares the visible 1 and 6 only).
    expect((await sheetNotes(carol, project.slug))[0]).toMatchObject({
      message: 'Alice Martin a modifié la fiche « Guichet suivi » (révisions 2 à 6).',
      url: `/projets/${project.slug}/historique?de=1&a=6`,
    });
  });

  it("tells the source's followers when another territory publishes its replication of the sheet; the replicator follows the copy", async () => {
    const project = await createProject(alice, { title: 'Guichet répliqué' });
    await carol.ok(FOLLOW, { id: project.id });
    const copy = (await bob.ok(REPLICATE, { id: project.id, code: '91174' })).replicateProject;
    // Nothing while the copy is a draft the followers could not open.
    expect(await sheetNotes(alice, copy.slug)).toEqual([]);
    await bob.ok(`mutation($id: ID!) { publishProject(id: $id) { id } }`, { id: copy.id });
    const expected = {
      kind: 'PROJECT_REPLICATED',
      message: 'Bob Durand réplique « Guichet répliqué » pour Corbeil-Essonnes.',
      url: `/projets/${copy.slug}`,
      read: false,
    };
    expect(await sheetNotes(alice, copy.slug)).toEqual([expect.objectContaining(expected)]);
    expect(await sheetNotes(carol, copy.slug)).toEqual([expect.objectContaining(expected)]);
    expect(await sheetNotes(bob, copy.slug)).toEqual([]);
    expect((await bob.ok(IS_FOLLOWING, { id: copy.id })).isFollowing).toBe(true);
  });
});
