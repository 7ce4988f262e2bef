import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, TestServer } from './harness';

jest.setTimeout(180_000);

/** The minutes of the 4 July 2018 seminar, as filed in the shared seeds. */
const SEED = join(__dirname, '../../../../shared/seeds/seminaire-essonne-2018-07-04.md');
/** Our demo data corrects one scanning slip of the seed; nothing else differs. */
const ERRATA: [string, string][] = [['D2velopper', 'Développer']];

interface Table {
  title: string;
  groups: number;
  rows: string[][];
}

/** The tab-separated tables of the seed: title, number of score columns, rows as cells. */
function seedTables(): Table[] {
  let text = readFileSync(SEED, 'utf8');
  for (const [wrong, right] of ERRATA) text = text.replaceAll(wrong, right);
  const tables: Table[] = [];
  let title = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('## ')) title = line.slice(3).trim();
    const cells = line.split('\t');
    if (cells[0] === 'N°') tables.push({ title, groups: cells.length - 3, rows: [] });
    else if (/^(\d+|\+)$/.test(cells[0]) && cells.length > 2 && tables.length) {
      const table = tables[tables.length - 1];
      const width = 3 + table.groups;
      const row = [...cells, '', ''].slice(0, width).map(normaliseSeedCell);
      tables[tables.length - 1].rows.push(row);
    }
  }
  return tables;
}

const normaliseSeedCell = (cell: string) =>
  cell
    .replace(/<\/?i>/g, '')
    .replace(/<b>(.*?)<\/b>/g, '**$1**')
    .trim();

/** RFC 4180 reader for our CSV export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

/**
 * The flat CSV back into the seed's tables: rows grouped by workshop (first column), the score
 * columns a workshop used, additions back in bold so the cells compare with the seed's.
 */
function csvTables(csv: string): Table[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header[0]).toBe('Atelier');
  expect(header.at(-1)).toBe('Ajouts de la reformulation');
  expect(csv).not.toContain('**');
  const scoreColumns = header.length - 5;
  const tables: Table[] = [];
  for (const row of rows) {
    let table = tables.find((t) => t.title === row[0]);
    if (!table) tables.push((table = { title: row[0], groups: 0, rows: [] }));
    table.rows.push(row);
  }
  for (const table of tables) {
    const used = [...Array(scoreColumns).keys()].filter((i) => table.rows.some((r) => r[3 + i] !== ''));
    table.groups = Math.max(1, used.length);
    const columns = used.length ? used : [0];
    table.rows = table.rows.map((r) => {
      const reformulation = r[3 + scoreColumns];
      const added = r[4 + scoreColumns] ? r[4 + scoreColumns].split(' … ') : [];
      return [r[1] === 'Ajout' ? '+' : r[1], r[2], ...columns.map((i) => r[3 + i] || '-'), boldAdditions(reformulation, added)];
    });
  }
  return tables;
}

/** Puts ** back around each added passage, in order. */
function boldAdditions(text: string, added: string[]): string {
  let out = '';
  let rest = text;
  for (const passage of added) {
    const at = rest.indexOf(passage);
    if (at < 0) return `${out}${rest}`;
    out += `${rest.slice(0, at)}**${passage}**`;
    rest = rest.slice(at + passage.length);
  }
  return out + rest;
}

function markdownTables(markdown: string): Table[] {
  const tables: Table[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) tables.push({ title: unescape(line.slice(3)), groups: 0, rows: [] });
    else if (line.startsWith('| ') && tables.length) {
      const cells = line
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => unescape(c).trim());
      const table = tables[tables.length - 1];
      if (cells[0] === 'N°') table.groups = cells.length - 3;
      else if (cells[0] !== '---') table.rows.push(cells);
    }
  }
  return tables;
}
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

describe('the demo seminar of 4 July 2018', () => {
  let server: TestServer;
  let seminarId: string;

  beforeAll(async () => {
    server = await startTestServer({ DEMO_DATA: 'true' });
    const { seminarByCode } = await server.client().ok(`{ seminarByCode(joinCode: "ESSONNE2018") { id title } }`);
    seminarId = seminarByCode.id;
  });
  afterAll(() => server.close());

  it('exports CSV minutes that reproduce the seed tables', async () => {
    const { minutes } = await server.client().ok(`query($id: ID!) { minutes(seminarId: $id, format: CSV) }`, { id: seminarId });
    const expected = seedTables();
    expect(expected.map((t) => [t.title, t.groups, t.rows.length])).toEqual([
      ["Développer l'attractivité du territoire", 1, 9],
      ['Services aux citoyens', 2, 9],
    ]);
    expect(csvTables(minutes)).toEqual(expected);
  });

  it('exports Markdown minutes with the same cells, additions in bold', async () => {
    const { minutes } = await server.client().ok(`query($id: ID!) { minutes(seminarId: $id, format: MARKDOWN) }`, { id: seminarId });
    // The demo's commitments follow the workshops' tables as "Suites données".
    const tables = markdownTables(minutes);
    expect(tables.at(-1)).toMatchObject({
      title: 'Suites données',
      rows: [['Engagement', 'Statut', 'Avancement', 'Porteur', 'Échéance'], ...Array(5).fill(expect.any(Array))],
    });
    expect(tables.slice(0, -1)).toEqual(seedTables());
    expect(minutes).toContain('| 1 | Trouver des formes collectives');
    expect(minutes).toContain('Trouver des **moyens** pour accélérer');
  });

  it('exports print-ready standalone HTML with the two-level header and escaped text', async () => {
    const { minutes } = await server.client().ok(`query($id: ID!) { minutes(seminarId: $id, format: HTML) }`, { id: seminarId });
    expect(minutes).toMatch(/^<!DOCTYPE html>/);
    expect(minutes).toContain('@page');
    expect(minutes).not.toMatch(/<(script|link)\b/);
    expect(minutes).toContain('<th scope="colgroup" colspan="2">Note attribuée</th>');
    expect(minutes).toContain('<th scope="col">Groupe 1</th><th scope="col">Groupe 2</th>');
    expect(minutes).toContain('services annexes, <b>dont le télétravail.</b>');
    expect(minutes).toContain('Faire bénéficier l&#39;ensemble du territoire');
    expect(minutes).toContain('<td class="score">2/5</td><td class="score">4,5/5</td>');
  });

  it('stores individual votes whose group means are the printed scores, and flags divergent stakes', async () => {
    const { seminar } = await server
      .client()
      .ok(
        `query($id: ID!) { seminar(id: $id) { title groups { name participantCount } workshops { title state stakes { number isAddition text originalText results { count divergent byGroup { group { name } count mean formatted } } reformulations { adopted } } } } }`,
        { id: seminarId },
      );
    expect(seminar.workshops.map((w: { state: string }) => w.state)).toEqual(['CLOSED', 'CLOSED']);
    const services = seminar.workshops[1];
    const first = services.stakes[0];
    expect(first.results.byGroup.filter((g: { count: number }) => g.count > 0).map((g: { formatted: string }) => g.formatted)).toEqual(['2/5', '4,5/5']);
    expect(first.results.count).toBe(20);
    expect(first.results.divergent).toBe(true);
    expect(services.stakes[2].results.divergent).toBe(false); // 4,5/5 against 4,8/5
    expect(first.text).toBe('Trouver des moyens pour accélérer la numérisation des processus internes et des services aux usagers.');
    expect(first.originalText).toMatch(/^Trouver des formes collectives/);
    expect(first.reformulations).toEqual([{ adopted: true }]);
    const additions = services.stakes.filter((s: { isAddition: boolean }) => s.isAddition);
    expect(additions.map((s: { results: { count: number } }) => s.results.count)).toEqual([0, 0]);
  });
});
