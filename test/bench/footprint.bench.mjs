#!/usr/bin/env node
// Footprint of a fresh default install: the built API started as `npm start` would (SQLite,
// managed Meilisearch, demo data, every French territory), measured once the initial indexing
// is over: resident memory (RSS, and the peak VmHWM) of the API and of Meilisearch, and the
// size of the data directory. Also measures freshness under that backfill: a sheet saved while
// the territories are being indexed, and how long until it is searchable.
// Target: API + Meilisearch < 1 GiB resident (a commune's server often has 2 GB).
// Writes the "Footprint" section of docs/performance.md. Needs the built API (npm run build).
//
// Smoke run (proves the script works, writes nothing): FOOTPRINT_DEPARTEMENTS=91 node test/bench/footprint.bench.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { writeSection } from './search-report.mjs';

const Database = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../../apps/api/package.json'))('better-sqlite3');

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const departements = process.env.FOOTPRINT_DEPARTEMENTS ?? '';
const smoke = departements !== '';
const LIMIT_MB = 1024;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
function memoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

const duMb = (path) => Number(spawnSync('du', ['-sk', path], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1024;

async function gql(url, query, variables = {}, cookie = '') {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cookies: response.headers.getSetCookie() };
}

async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Territories and indexed documents (the search outbox's source tables) in the SQLite file. */
function countRows(file) {
  const db = new Database(file, { readonly: true });
  try {
    const one = (sql) => Number(Object.values(db.prepare(sql).get())[0]);
    const territories = one('SELECT COUNT(*) FROM territory');
    const content = ['project', 'wiki_page', 'forum_thread', 'forum_post', 'blocker', 'seminar'].reduce((sum, table) => {
      try {
        return sum + one(`SELECT COUNT(*) FROM ${table}`);
      } catch {
        return sum;
      }
    }, 0);
    return { territories, documents: territories + content };
  } finally {
    db.close();
  }
}

const main = join(root, 'apps/api/dist/main.js');
if (!existsSync(main)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), 'essaim-footprint-'));
const port = await freePort();
const loadAtStart = loadavg()[0];
const started = Date.now();
const api = spawn(process.execPath, [main], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    SERVE_WEB: 'false',
    LOG_LEVEL: 'warn',
    TERRITORY_DEPARTEMENTS: departements,
    MEILI_URL: '',
    SEARCH_ENGINE: 'meilisearch',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
let peakApi = 0;
let peakMeili = 0;
let meiliPid = null;
const sampler = setInterval(() => {
  peakApi = Math.max(peakApi, memoryMb(api.pid).rss || 0);
  if (meiliPid) peakMeili = Math.max(peakMeili, memoryMb(meiliPid).rss || 0);
}, 250);
try {
  await until('the API to be ready', async () => (await fetch(`${url}/readyz`)).ok, 600_000);
  const readyMs = Date.now() - started;
  const health = await (await fetch(`${url}/healthz`)).json();
  meiliPid = health.components.search.pid;
  if (!meiliPid) throw new Error(`no managed Meilisearch: ${JSON.stringify(health.components.search)}`);

  // Freshness under the backfill: a sheet saved while the territories are being indexed.
  const { data: first } = await gql(url, `{ search(q: "a") { indexing } }`);
  // The demo member of Évry-Courcouronnes: a verified membership is needed to write a sheet.
  const { cookies } = await gql(url, `mutation { login(email: "agent.evry@essaim.demo", password: "demo-agent-essaim") { id } }`);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const title = `Sobriété numérique banc ${Date.now()}`;
  const saved = Date.now();
  await gql(
    url,
    `mutation($input: ProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        title,
        summary: 'Mesure de fraîcheur.',
        body: 'Sauvegardé pendant l’indexation initiale.',
        themes: ['HEALTH_TELEMEDICINE'],
        stage: 'IN_PROGRESS',
        territoryCode: '91228',
      },
    },
    cookie,
  );
  const freshness = await until(
    'the sheet to be searchable',
    async () => {
      const { data } = await gql(url, `query($q: String!) { search(q: $q, types: [PROJECT]) { indexing hits { title } } }`, { q: title });
      return data.search.hits.some((h) => h.title === title) ? { ms: Date.now() - saved, duringBackfill: data.search.indexing } : undefined;
    },
    120_000,
  );

  await until('the initial indexing to end', async () => !(await gql(url, `{ search(q: "a") { indexing } }`)).data.search.indexing, 900_000);
  await until('the outbox to be empty', async () => (await (await fetch(`${url}/healthz`)).json()).components.search.pendingChanges === 0, 300_000);
  const indexedMs = Date.now() - started;
  // Settled: let allocators give back what indexing used, then read.
  await new Promise((r) => setTimeout(r, 5000));
  const apiMem = memoryMb(api.pid);
  const meiliMem = memoryMb(meiliPid);
  const total = apiMem.rss + meiliMem.rss;
  // Counted in the database: the search API caps its totals (Meilisearch's maxTotalHits) and
  // groups territories apart from content.
  const counts = countRows(join(dataDir, 'essaim.db'));
  const f = (v) => `${Math.round(v)} MiB`;
  const report = {
    readyS: readyMs / 1000,
    indexedS: indexedMs / 1000,
    api: apiMem,
    meili: meiliMem,
    peakApi,
    peakMeili,
    totalMb: total,
    documents: counts.documents,
    territories: counts.territories,
    freshness,
    indexingAtFirstQuery: first.search.indexing,
    dataMb: duMb(dataDir),
    meiliDataMb: duMb(join(dataDir, 'meili')),
  };
  console.log(JSON.stringify(report, null, 2));
  const pass = total < LIMIT_MB;
  if (smoke) {
    console.log(`Smoke run (TERRITORY_DEPARTEMENTS=${departements}): nothing written. API + Meilisearch ${f(total)}.`);
  } else {
    const body = `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start.
A fresh install as \`npm start\` runs it (\`test/bench/footprint.bench.mjs\`): SQLite, the managed Meilisearch with its defaults (\`MEILI_MAX_INDEXING_MEMORY=256MiB\`, \`MEILI_MAX_INDEXING_THREADS=1\`), the demo data and every French territory (${report.territories} territories, ${report.documents} documents in the index). Ready after ${report.readyS.toFixed(0)} s, initial indexing over after ${report.indexedS.toFixed(0)} s.

| Process | Resident after indexing | Peak resident (VmHWM) | Peak sampled during the run |
| --- | ---: | ---: | ---: |
| API (Node) | ${f(apiMem.rss)} | ${f(apiMem.peak)} | ${f(peakApi)} |
| Meilisearch | ${f(meiliMem.rss)} | ${f(meiliMem.peak)} | ${f(peakMeili)} |
| **Total** | **${f(total)}** | ${f(apiMem.peak + meiliMem.peak)} | |

Data directory: ${f(report.dataMb)} (Meilisearch ${f(report.meiliDataMb)}). Target: API + Meilisearch under 1 GiB resident — **${pass ? 'met' : 'not met'}**.

Freshness under the backfill: a sheet saved ${report.indexingAtFirstQuery ? 'while the territories were being indexed' : 'after the territories were indexed (the backfill had already ended)'} was searchable after **${report.freshness.ms} ms**${report.freshness.duringBackfill ? ', the backfill still running' : ''} (target: 1 s; the outbox lane goes before each bulk batch of 250 documents).`;
    writeSection(join(root, 'docs/performance.md'), 'Footprint', body);
    console.log('Wrote the "Footprint" section of docs/performance.md');
  }
  if (!pass) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
