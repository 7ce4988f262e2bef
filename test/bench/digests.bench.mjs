#!/usr/bin/env node
// Weekly digests: N users each with a week of sheet updates (weekly by default) get one digest,
// composed by the API's DigestService and delivered through the mail outbox to a local SMTP
// sink (smtp-server, in this process). Reports composition + delivery throughput, the API's
// peak RSS, and the project page's p95 while the digests are sent against its idle p95 (the
// target: within 20 %). Writes the "Mail digests" section of docs/performance.md.
// `node test/bench/digests.bench.mjs 5000` (default 5000); needs `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, percentile, writeSection } from './search-report.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const Database = require('better-sqlite3');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USERS = Number(process.argv[2] ?? 5000);
if (!Number.isInteger(USERS) || USERS < 1) {
  console.error('digests.bench: the number of users must be a positive integer');
  process.exit(2);
}
const UPDATES_PER_USER = 3;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** The local SMTP sink: counts distinct Message-IDs without parsing whole messages. */
async function startSink() {
  const ids = new Set();
  let deliveries = 0;
  let firstAt = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `missing-${deliveries}`;
        // Only the seeded readers' digests count (demo accounts get other messages).
        if (/^To:.*@bench\.essaim\.test/im.test(head)) {
          ids.add(id);
          firstAt ||= performance.now();
          lastAt = performance.now();
        }
        deliveries++;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    ids,
    get deliveries() {
      return deliveries;
    },
    get span() {
      return lastAt - firstAt;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

function get(port, path, retried = false) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - started));
      })
      .on('error', (error) => {
        // A kept-alive socket the server closed while the seeding blocked this process: retry on a new one.
        if (!retried && error.code === 'ECONNRESET') resolve(get(port, path, true));
        else reject(error);
      });
  });
}

function post(port, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function startServer(smtpPort) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'essaim-bench-digests-'));
  const output = [];
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      MEILI_URL: '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      SEARCH_ENGINE: 'fts',
      TERRITORY_DEPARTEMENTS: '91',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      // The page is measured, not the anonymous read cache in front of it.
      READ_CACHE_TTL_MS: '0',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}/?tls.rejectUnauthorized=false`,
      MAIL_DIGEST_CHECK_MS: '1000',
      PUBLIC_URL: 'https://essaim.example.org',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c) => output.push(String(c)));
  child.stderr.on('data', (c) => output.push(String(c)));
  for (let i = 0; i < 360; i++) {
    const ok = await new Promise((resolve) =>
      http
        .get({ host: '127.0.0.1', port, path: '/healthz' }, (r) => {
          r.resume();
          resolve(r.statusCode === 200);
        })
        .on('error', () => resolve(false)),
    );
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`server exited:\n${output.join('')}`);
    await sleep(500);
  }
  return {
    port,
    child,
    dataDir,
    output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const peakRss = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const rssNow = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Project page latencies (the SSR page is not served: SERVE_WEB is on, so the real page). */
async function measurePage(port, path, until) {
  const samples = [];
  while (!until()) {
    samples.push(await get(port, path));
    await sleep(20);
  }
  return samples;
}

/** Users and a week of sheet updates written straight into the SQLite file (setup, not measured). */
function seed(dataDir) {
  const db = new Database(join(dataDir, 'essaim.db'));
  db.pragma('busy_timeout = 10000');
  const today = new Date();
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const monday = midnight - ((today.getUTCDay() + 6) % 7) * 86_400_000;
  const lastWeek = (offset) => new Date(monday - 7 * 86_400_000 + offset).toISOString().replace('T', ' ').replace('Z', '');
  const insertUser = db.prepare(`INSERT INTO "user" (email, displayName, passwordHash, role, handle, emailVerifiedAt) VALUES (?, ?, 'x', 'MEMBER', ?, ?)`);
  const insertNote = db.prepare(`INSERT INTO notification (userId, kind, message, url, read, createdAt) VALUES (?, 'PROJECT_UPDATED', ?, ?, 0, ?)`);
  db.transaction(() => {
    for (let i = 0; i < USERS; i++) {
      const { lastInsertRowid: id } = insertUser.run(`digest-${i}@bench.essaim.test`, `Lecteur ${i}`, `lecteur-bench-${i}`, lastWeek(0));
      for (let r = 1; r <= UPDATES_PER_USER; r++) {
        insertNote.run(
          id,
          `Éditrice ${r} a modifié la fiche « Cantine ${i % 50} » (révision ${r + 1}).`,
          `/projets/cantine-${i % 50}/historique?de=${r}&a=${r + 1}`,
          lastWeek(86_400_000 + r * 3_600_000),
        );
      }
    }
  })();
  db.close();
}

const sink = await startSink();
const server = await startServer(sink.port);
try {
  const { data } = await post(server.port, { query: '{ projects(first: 1) { edges { node { slug } } } }' });
  const path = `/projets/${data.projects.edges[0].node.slug}`;
  for (let i = 0; i < 20; i++) await get(server.port, path); // warm-up
  const idleUntil = performance.now() + 10_000;
  const idle = await measurePage(server.port, path, () => performance.now() > idleUntil);
  const rssBefore = rssNow(server.child.pid);

  const started = performance.now();
  seed(server.dataDir);
  let done = false;
  const busyPromise = measurePage(server.port, path, () => done);
  const deadline = started + Math.max(60_000, USERS * 100);
  while (sink.ids.size < USERS && performance.now() < deadline) await sleep(100);
  const elapsed = performance.now() - started;
  done = true;
  const busy = await busyPromise;
  const delivered = sink.ids.size;
  const peak = peakRss(server.child.pid);
  const idleP95 = percentile(idle, 95);
  const busyP95 = percentile(busy, 95);
  const ratio = busyP95 / idleP95;
  console.log(
    `${delivered}/${USERS} digests in ${(elapsed / 1000).toFixed(1)} s (${(delivered / (elapsed / 1000)).toFixed(0)}/s), ${sink.deliveries} deliveries; peak RSS ${peak.toFixed(0)} MB (before ${rssBefore.toFixed(0)} MB); project page p95 idle ${ms(idleP95)} (${idle.length}), while sending ${ms(busyP95)} (${busy.length}) = ×${ratio.toFixed(2)}`,
  );
  writeSection(
    join(ROOT, 'docs/performance.md'),
    'Mail digests',
    `
\`node test/bench/digests.bench.mjs ${USERS}\` — ${new Date().toISOString().slice(0, 10)}, one API process (SQLite), SMTP sink on loopback.
${USERS} users with ${UPDATES_PER_USER} sheet updates each in the last complete week (weekly by default): the digest service composes one digest per user and the outbox worker delivers them.

| Measure | Value |
| --- | --- |
| Digests delivered | ${delivered} / ${USERS} (${sink.deliveries} SMTP deliveries) |
| From the notifications' commit to the last digest received | ${(elapsed / 1000).toFixed(1)} s (${(delivered / (elapsed / 1000)).toFixed(0)} digests/s) |
| API peak RSS | ${peak.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before) |
| Project page p95, idle | ${ms(idleP95)} (${idle.length} requests) |
| Project page p95, while sending | ${ms(busyP95)} (${busy.length} requests) — ×${ratio.toFixed(2)} (target ≤ ×1.20) |
`,
  );
  if (delivered < USERS) process.exitCode = 1;
} catch (error) {
  console.error(server.output.join('').slice(-4000));
  throw error;
} finally {
  await server.stop();
  await sink.close();
  agent.destroy();
}
