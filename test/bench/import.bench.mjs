#!/usr/bin/env node
// Official-data import at scale: generates an Arcep "Ma connexion internet" commune file
// (commune_debit_filaire.csv shape, ";" separator, Windows-1252 like a spreadsheet export) of
// the given size, then runs `data:import arcep-debit` on it as the CLI does (child process) and
// reports rows/s, MB/s and the importer's peak RSS. Writes the "Data import" section of
// docs/performance.md for runs of 100 MB and more.
// `node test/bench/import.bench.mjs 200` (MB, the default); `node test/bench/import.bench.mjs 2` to try it.
// The real file has one row per commune (~35 000 rows, ~3 MB): every commune of France gets its
// row, and the rest of the size is rows of another `type`, which the importer decodes, parses
// and skips (the cost measured is reading; the write is the 35 000 figures).
// BENCH_TERRITORY_DEPARTEMENTS=91 loads only some départements' territories (faster setup;
// the other communes are then reported as unknown, not written).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './search-report.mjs';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = process.argv[2] ?? '200';
if (!/^\d+(\.\d+)?$/.test(arg)) {
  console.error(`import.bench: size in MB expected, got ${arg}`);
  process.exit(2);
}
const TARGET = Number(arg) * 1024 * 1024;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function build() {
  for (const w of ['@essaim/domain', '@essaim/api']) {
    const r = spawnSync('npm', ['run', 'build', '-w', w], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

/** Boots the API once so it loads the territories (and migrates), then stops it. */
async function prepareDatabase(dataDir) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    SERVE_WEB: 'false',
    SEARCH_ENGINE: 'fts',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  };
  if (process.env.BENCH_TERRITORY_DEPARTEMENTS) env.TERRITORY_DEPARTEMENTS = process.env.BENCH_TERRITORY_DEPARTEMENTS;
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) while preparing the database`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status < 500) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error('the API did not start in 5 minutes');
    await sleep(500);
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

async function generate(file) {
  const communes = require('@etalab/decoupage-administratif/data/communes.json').filter((c) => c.type === 'commune-actuelle');
  const out = createWriteStream(file);
  const write = (text) => (out.write(iconv.encode(text, 'windows-1252')) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  let bytes = 0;
  let rows = 0;
  const line = (code, type, i) => {
    const nbr = 200 + ((i * 7919) % 40_000);
    const bhd8 = Math.floor(nbr * (0.8 + ((i * 31) % 20) / 100));
    return `${code};Commune ${i};${code.slice(0, 2)};11;${nbr};${type};${nbr - bhd8};${nbr};${nbr};${bhd8};${Math.floor(bhd8 * 0.97)};${Math.floor(bhd8 * 0.9)};${Math.floor(bhd8 * 0.85)};2025-03-31\r\n`;
  };
  // Arcep's published header (ARCEP_PUBLISHED_HEADERS in apps/api/src/data-import/sources/arcep.ts).
  const header = 'code_insee;nom_com;code_dep;code_reg;nbr;type;inel_hd;elig_hd05;elig_hd3;elig_bhd8;elig_thd30;elig_thd100;elig_thd1g;date\r\n';
  await write(header);
  bytes += header.length;
  for (let i = 0; i < communes.length; i++) {
    const text = line(communes[i].code, 'all', i);
    await write(text);
    bytes += text.length;
    rows++;
  }
  const types = ['terrestre', 'satellite', 'radio'];
  for (let i = 0; bytes < TARGET; i++) {
    let chunk = '';
    for (let j = 0; j < 2000 && bytes + chunk.length < TARGET; j++, i++) chunk += line(communes[i % communes.length].code, types[i % types.length], i);
    await write(chunk);
    bytes += chunk.length;
    rows += chunk ? chunk.split('\r\n').length - 1 : 0;
    if (!chunk) break;
  }
  await new Promise((r) => out.end(r));
  return rows;
}

function runImport(dataDir, file) {
  const preload = join(dataDir, 'maxrss.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', preload, join(ROOT, 'apps/api/dist/scripts/data-import.js'), 'arcep-debit', file, '--json'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = Number(/MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      let report;
      try {
        report = JSON.parse(stdout.trim().split('\n').pop());
      } catch {
        return reject(new Error(`no report (exit ${code}): ${stdout}\n${stderr}`));
      }
      resolve({ code, seconds, rss, report });
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'essaim-bench-import-'));
try {
  build();
  console.log('import.bench: preparing the database (territories)…');
  await prepareDatabase(dataDir);
  const file = join(dataDir, 'commune_debit_filaire.csv');
  console.log(`import.bench: generating ${arg} MB…`);
  const rows = await generate(file);
  const size = statSync(file).size;
  console.log(`import.bench: importing ${rows} rows (${(size / 1048576).toFixed(1)} MB)…`);
  const load = loadavg()[0];
  const { code, seconds, rss, report } = await runImport(dataDir, file);
  if (code !== 0 || report.status !== 'DONE') throw new Error(`import failed: ${JSON.stringify(report).slice(0, 2000)}`);
  const written = report.written.SANS_BON_HAUT_DEBIT ?? 0;
  const perSecond = Math.round(report.rowsRead / seconds);
  const mbPerSecond = (size / 1048576 / seconds).toFixed(1);
  console.log(
    `import.bench: ${report.rowsRead} rows in ${seconds.toFixed(1)} s → ${perSecond} rows/s, ${mbPerSecond} MB/s; peak RSS ${rss.toFixed(0)} MB; ${written} figures written; load ${load.toFixed(2)}`,
  );
  if (size >= 100 * 1048576) {
    writeSection(
      join(ROOT, 'docs/performance.md'),
      'Data import',
      `\`node test/bench/import.bench.mjs ${arg}\`: \`npm run data:import -- arcep-debit\` (CLI process, SQLite) on a generated
Arcep-shaped file (Windows-1252, ";"), ${(size / 1048576).toFixed(0)} MB, ${report.rowsRead} rows of which ${written} communes written.

| rows/s | MB/s | wall time | peak RSS (importer) | load average (1 min) before |
|---|---|---|---|---|
| ${perSecond} | ${mbPerSecond} | ${seconds.toFixed(1)} s | ${rss.toFixed(0)} MB | ${load.toFixed(2)} |

The file is streamed (never held whole); memory grows with the number of distinct communes
kept for the write, not with the file size.`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
