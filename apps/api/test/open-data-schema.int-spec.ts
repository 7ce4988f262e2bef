import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, TestServer } from './harness';
import { TableSchema, validateCsv } from './table-schema';
import { createProject } from './wiki-fixtures';

const SCHEMAS = join(__dirname, 'fixtures/schema-projet-collectivites');
const schema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), 'utf8')) as TableSchema;

describe('open data in the published project schema (betagouv/schema-projet-collectivites-transition-ecologique)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const member = await server.registerUser({ territoryCode: '91228' });
    await createProject(member, { title: 'Portail citoyen, « démarches » en ligne', stage: 'DEPLOYED', budgetEuros: 12501 });
    await createProject(member, { title: 'Idée sans budget', stage: 'IDEA', budgetEuros: null, summary: 'Texte avec, des virgules\net une ligne' });
    const other = await server.registerUser({ territoryCode: '91377' });
    await createProject(other, { title: 'Tiers-lieu numérique', stage: 'ABANDONED', territoryCode: '91377' });
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    return res.text();
  };

  it('serves projets-territoire rows valid against the schema, with stable UUIDs and linked collectivités', async () => {
    const csv = await get('/open-data/projets-territoire.csv');
    expect(validateCsv(schema('projets-territoire'), csv)).toEqual([]);
    const lines = csv.trim().split('\r\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(csv).toContain('Terminé');
    expect(csv).toContain('Abandonné');
    expect(csv).toContain(',12501,');
    expect(await get('/open-data/projets-territoire.csv')).toBe(csv); // UUIDs do not change between exports
    const collectivites = await get('/open-data/collectivites.csv');
    expect(validateCsv(schema('collectivites'), collectivites)).toEqual([]);
    const ids = collectivites
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(csv).toContain(id);
    expect(collectivites).toContain('Évry-Courcouronnes,Commune,91228,"[""91""]","[""11""]",200059228,200083525');
  });

  it('the validator does find broken rows (so a passing check means something)', async () => {
    const csv = await get('/open-data/projets-territoire.csv');
    const [header, first] = csv.split('\r\n');
    const broken = [header, first.replace(/^[0-9a-f-]{36}/, 'not-a-uuid').replace('Terminé', 'Fini'), ''].join('\r\n');
    const problems = validateCsv(schema('projets-territoire'), broken);
    expect(problems.some((p) => p.includes('/id'))).toBe(true);
    expect(problems.some((p) => p.includes('/phaseStatut'))).toBe(true);
    expect(validateCsv(schema('projets-territoire'), csv.replace(/^id,/, 'identifiant,')).some((p) => p.startsWith('header'))).toBe(true);
  });

  it('keeps the existing projects.csv export', async () => {
    const csv = await get('/open-data/projects.csv');
    expect(csv.split('\r\n')[0]).toContain('id;slug;url;titre');
  });
});
