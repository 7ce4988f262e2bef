import { DataSource } from 'typeorm';
import { startTestServer, TEST_DB, TestServer } from './harness';
import { createProject, projectInput } from './wiki-fixtures';

/**
 * The database refuses writes (here SQLite's query_only switch on the server's own connection:
 * the same SQLITE_READONLY a read-only disk or a remounted file system gives). The user gets
 * SERVICE_UNAVAILABLE and a French sentence saying to retry later, not "erreur interne".
 */
(TEST_DB === 'sqlite' ? describe : describe.skip)('write failures of the disk or the database', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SEARCH_ENGINE: 'fts' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers SERVICE_UNAVAILABLE with a clear French message when the database is read-only', async () => {
    const agent = await server.registerUser();
    const dataSource = server.app.get(DataSource);
    await dataSource.query('PRAGMA query_only = ON');
    try {
      const result = await agent.gql(`mutation($input: ProjectInput!) { createProject(input: $input) { id } }`, {
        input: projectInput({ title: 'Écrit sur un disque en lecture seule' }),
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(result.errors?.[0]?.message).toMatch(/lecture seule.*Réessayez/);
      expect(result.errors?.[0]?.message).not.toMatch(/interne/);
      // Reads still work.
      expect((await agent.ok(`{ me { id } }`)).me.id).toBe(agent.userId);
    } finally {
      await dataSource.query('PRAGMA query_only = OFF');
    }
    // And writes again once the disk is back.
    expect((await createProject(agent, { title: 'Écrit après le retour du disque' })).id).toBeTruthy();
  });
});
