#!/usr/bin/env node
// Seminar votes over graphql-ws on loopback: N simulated participants join (HTTP), subscribe to
// the workshop and score every stake over their WebSocket, on one API process (SQLite, in-memory
// pub/sub). Reports vote acknowledgement p50/p95/p99, vote-to-broadcast p95, server memory and
// stored vs acknowledged votes; writes the "Votes" section of docs/performance.md.
// `node test/bench/votes.bench.mjs 200 500 1000 2000` runs chosen sizes (the default).
// Also reports CPU shares, event-loop delays and the load average, since the machine is shared.
// Diagnostics: BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_SERVER_LOG=file (server output), BENCH_KEEP_DATA=1 (keep the SQLite file).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile, ms, writeSection } from './search-report.mjs';
import { createBenchAccount } from './bench-account.mjs';

const require = createRequire(import.meta.url);
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARGS = process.argv.slice(2);
const bad = ARGS.filter((a) => !/^[1-9]\d*$/.test(a));
if (bad.length) {
  console.error(`votes.bench: participant counts must be positive integers, got ${bad.join(' ')}`);
  process.exit(2);
}
const RUNS = ARGS.length ? ARGS.map(Number) : [200, 500, 1000, 2000];
const STAKES = 5;
const BENCH_EMAIL = 'bench@essaim.test';
const BENCH_PASSWORD = 'un mot de passe de banc';
const VOTE_WINDOW_MS = 15_000; // each participant spreads its votes over this window
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const sleep = (t) => new Promise((r) => setTimeout(r, t));

function post(port, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const json = JSON.parse(text);
          if (json.errors) reject(new Error(JSON.stringify(json.errors)));
          else resolve({ data: json.data, cookies: res.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'essaim-bench-votes-'));
  const output = [];
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const env = {
    ...process.env,
    DATABASE_URL: '',
    REDIS_URL: '',
    MEILI_URL: '',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    SERVE_WEB: 'false',
    SEARCH_ENGINE: 'fts',
    TERRITORY_DEPARTEMENTS: '91',
    LOG_LEVEL: 'warn',
    SEMINAR_JOIN_LIMIT_PER_10_MIN: '1000000',
    COOKIE_SECURE: 'false',
  };
  // Creating seminars takes a facilitator.
  await createBenchAccount({ env, email: BENCH_EMAIL, name: "Banc d'essai", password: BENCH_PASSWORD, role: 'FACILITATOR' });
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // BENCH_SERVER_LOG=file keeps the server's output (e.g. with BENCH_SERVER_NODE_ARGS=--trace-gc).
  if (process.env.BENCH_SERVER_LOG) child.stdout.pipe(createWriteStream(process.env.BENCH_SERVER_LOG));
  child.stdout.on('data', (c) => output.push(String(c)));
  child.stderr.on('data', (c) => output.push(String(c)));
  for (let i = 0; i < 240; i++) {
    try {
      const ok = await new Promise((resolve) =>
        http
          .get({ host: '127.0.0.1', port, path: '/healthz' }, (r) => {
            r.resume();
            resolve(r.statusCode === 200);
          })
          .on('error', () => resolve(false)),
      );
      if (ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error(`server exited:\n${output.join('')}`);
    await sleep(500);
  }
  return {
    port,
    child,
    output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (process.env.BENCH_KEEP_DATA) console.log('data kept in', dataDir);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) the server has used so far. */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** The server's event-loop delay since the previous scrape (prom-client resets its histogram on each). */
async function eventLoopLag(port) {
  const text = await new Promise((resolve, reject) =>
    http
      .get({ host: '127.0.0.1', port, path: '/metrics' }, (r) => {
        let t = '';
        r.on('data', (c) => (t += c));
        r.on('end', () => resolve(t));
      })
      .on('error', reject),
  );
  const value = (name) => Number(new RegExp(`^essaim_${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return { p99: value('nodejs_eventloop_lag_p99_seconds'), max: value('nodejs_eventloop_lag_max_seconds') };
}

const rssMb = (pid) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

function wsClient(port, connectionParams, headers) {
  class HeaderWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, headers ? { headers } : undefined);
    }
  }
  return createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: HeaderWebSocket, connectionParams, retryAttempts: 0, lazy: false });
}

const once = (client, query, variables) =>
  new Promise((resolve, reject) => {
    let result;
    client.subscribe(
      { query, variables },
      { next: (v) => (result = v), error: reject, complete: () => (result?.errors ? reject(new Error(JSON.stringify(result.errors))) : resolve(result.data)) },
    );
  });

// Phones subscribe with the phone screen's selection (state and stakes); the projector with results.
const PHONE = `subscription($w: ID!) { workshopUpdated(workshopId: $w) { id state resultsVisibility stakes { id number text isAddition } } }`;
const LIVE = `subscription($w: ID!) { workshopUpdated(workshopId: $w) { id state resultsVisibility stakes { id number text isAddition results { count mean formatted divergent byGroup { group { id name } mean count formatted } } } } }`;

async function run(participants) {
  const loadAtStart = loadavg()[0];
  const server = await startServer();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid))), 250);
  try {
    const { port } = server;
    const reg = await post(port, {
      query: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id role } }`,
      variables: { email: BENCH_EMAIL, password: BENCH_PASSWORD },
    });
    const cookie = reg.cookies.map((c) => c.split(';')[0]).join('; ');
    const auth = { cookie };
    const seminar = (await post(port, { query: `mutation { createSeminar(input: { title: "Banc", date: "2025-01-01T09:00:00Z" }) { id joinCode } }` }, auth))
      .data.createSeminar;
    const groups = [];
    for (const name of ['Groupe 1', 'Groupe 2'])
      groups.push(
        (
          await post(
            port,
            { query: `mutation($s: ID!, $n: String!) { addGroup(seminarId: $s, name: $n) { id } }`, variables: { s: seminar.id, n: name } },
            auth,
          )
        ).data.addGroup.id,
      );
    const workshop = (
      await post(port, { query: `mutation($s: ID!) { addWorkshop(seminarId: $s, title: "Atelier") { id } }`, variables: { s: seminar.id } }, auth)
    ).data.addWorkshop;
    const stakes = (
      await post(
        port,
        {
          query: `mutation($w: ID!, $t: [String!]!) { addStakes(workshopId: $w, texts: $t) { id } }`,
          variables: { w: workshop.id, t: Array.from({ length: STAKES }, (_, i) => `Enjeu ${i + 1}`) },
        },
        auth,
      )
    ).data.addStakes.map((s) => s.id);
    await post(port, { query: `mutation($w: ID!) { setWorkshopState(workshopId: $w, state: OPEN) { id } }`, variables: { w: workshop.id } }, auth);

    // Observer: the projector screen, anonymous (no session, no participant token) like the real
    // one; the workshop's results are LIVE, so it sees the counts over time.
    const observed = stakes.map(() => []); // [time, count]
    const observer = wsClient(port, {});
    observer.subscribe(
      { query: LIVE, variables: { w: workshop.id } },
      {
        next: (v) => {
          const t = performance.now();
          v.data?.workshopUpdated.stakes.forEach((s, i) => observed[i].push([t, s.results?.count ?? 0]));
        },
        error: (e) => console.error('observer', e),
        complete: () => {},
      },
    );

    // Join and connect everybody first (all concurrently connected), then vote.
    const people = [];
    for (let i = 0; i < participants; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, participants - i) }, async (_, k) => {
          const { data } = await post(port, {
            query: `mutation($c: String!, $n: String!, $g: ID!) { joinSeminar(joinCode: $c, displayName: $n, groupId: $g) { token } }`,
            variables: { c: seminar.joinCode, n: `P${i + k}`, g: groups[(i + k) % 2] },
          });
          const client = wsClient(port, { participantToken: data.joinSeminar.token });
          let updates = 0;
          client.subscribe({ query: PHONE, variables: { w: workshop.id } }, { next: () => updates++, error: () => {}, complete: () => {} });
          return {
            client,
            get updates() {
              return updates;
            },
          };
        }),
      );
      people.push(...batch);
    }
    await sleep(1000);
    const rssBefore = rssMb(server.child.pid);

    const acks = [];
    const ackTimes = stakes.map(() => []);
    let failures = 0;
    const expected = new Map(); // `${p}:${s}` -> value
    await eventLoopLag(port); // resets the server's histogram
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const started = performance.now();
    const cpuBefore = cpuSeconds(server.child.pid);
    const clientCpuBefore = process.cpuUsage();
    await Promise.all(
      people.map(async (person, p) => {
        for (let s = 0; s < STAKES; s++) {
          await sleep(Math.random() * (VOTE_WINDOW_MS / STAKES));
          const value = ((p * 3 + s * 7) % 11) / 2;
          const t0 = performance.now();
          try {
            await once(person.client, `mutation($s: ID!, $v: Float!) { castScore(stakeId: $s, value: $v) { value } }`, { s: stakes[s], v: value });
            const t1 = performance.now();
            acks.push(t1 - t0);
            ackTimes[s].push(t1);
            expected.set(`${p}:${s}`, value);
          } catch (e) {
            failures++;
            if (failures < 5) console.error(String(e).slice(0, 300));
          }
        }
      }),
    );
    const voteSeconds = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(server.child.pid) - cpuBefore;
    const clientCpuUsage = process.cpuUsage(clientCpuBefore);
    const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1e6;
    const lag = await eventLoopLag(port);
    clientLag.disable();
    const loadAtEnd = loadavg()[0];
    await sleep(1500);

    // Vote-to-broadcast: the k-th acknowledged vote of a stake is shown once the projector sees ≥ k votes.
    const broadcast = [];
    stakes.forEach((_, s) => {
      const times = ackTimes[s].sort((a, b) => a - b);
      let j = 0;
      times.forEach((t, k) => {
        while (j < observed[s].length && (observed[s][j][1] < k + 1 || observed[s][j][0] < t)) {
          if (observed[s][j][1] >= k + 1 && observed[s][j][0] < t) break;
          j++;
        }
        const seen = observed[s].find(([time, count]) => count >= k + 1 && time >= t);
        if (seen) broadcast.push(seen[0] - t);
      });
    });
    const { data } = await post(
      port,
      { query: `query($id: ID!) { seminar(id: $id) { workshops { stakes { results { count mean } } } } }`, variables: { id: seminar.id } },
      auth,
    );
    const stored = data.seminar.workshops[0].stakes.reduce((sum, s) => sum + s.results.count, 0);
    const updatesPerParticipant = people.reduce((a, p) => a + p.updates, 0) / people.length;
    const busy = server.output.join('').match(/SQLITE_BUSY/g)?.length ?? 0;
    for (const person of people) await person.client.dispose();
    await observer.dispose();
    return {
      participants,
      votes: acks.length,
      failures,
      stored,
      acked: expected.size,
      busy,
      voteSeconds,
      ack50: percentile(acks, 50),
      ack95: percentile(acks, 95),
      ack99: percentile(acks, 99),
      bc95: percentile(broadcast, 95),
      bcMeasured: broadcast.length,
      rssBefore,
      peakRss,
      updatesPerParticipant,
      serverCpuPerVoteMs: (serverCpu * 1000) / Math.max(1, acks.length),
      serverCpuShare: serverCpu / voteSeconds,
      clientCpuShare: clientCpu / voteSeconds,
      lagP99: lag.p99,
      lagMax: lag.max,
      load: loadAtStart,
      clientLagP99: clientLag.percentile(99) / 1e6,
      clientLagMax: clientLag.max / 1e6,
      loadAtEnd,
    };
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

const results = [];
for (const n of RUNS) {
  console.log(`votes: ${n} participants…`);
  const r = await run(n);
  console.log(r);
  results.push(r);
}
const pct = (v) => `${(v * 100).toFixed(0)} %`;
const rows = results.map(
  (r) =>
    `| ${r.participants} | ${r.votes} | ${ms(r.ack50)} | ${ms(r.ack95)} | ${ms(r.ack99)} | ${ms(r.bc95)} | ${r.voteSeconds.toFixed(1)} s | ${r.updatesPerParticipant.toFixed(0)} | ${r.rssBefore.toFixed(0)} / ${r.peakRss.toFixed(0)} MB | ${r.serverCpuPerVoteMs.toFixed(2)} ms | ${pct(r.serverCpuShare)} / ${pct(r.clientCpuShare)} | ${r.lagP99.toFixed(0)} / ${r.lagMax.toFixed(0)} ms; ${r.clientLagP99.toFixed(0)} / ${r.clientLagMax.toFixed(0)} ms | ${r.load.toFixed(1)} → ${r.loadAtEnd.toFixed(1)} | ${r.stored} / ${r.acked} | ${r.failures} | ${r.busy} |`,
);
const verdict = (ok) => (ok ? 'met' : '**not met**');
const verdicts = results.map(
  (r) =>
    `- ${r.participants} participants: acknowledgement p95 < 100 ms ${verdict(r.ack95 < 100)} (${ms(r.ack95)}); ` +
    `vote→broadcast p95 < 250 ms ${verdict(r.bc95 < 250)} (${ms(r.bc95)}); stored = acknowledged ${verdict(r.stored === r.acked && r.failures === 0)}; ` +
    `no SQLITE_BUSY ${verdict(r.busy === 0)}.`,
);
writeSection(
  join(ROOT, 'docs/performance.md'),
  'Votes',
  `
\`node test/bench/votes.bench.mjs ${RUNS.join(' ')}\` (${new Date().toISOString().slice(0, 10)}): one API process (SQLite, in-memory pub/sub) on loopback.
Each simulated participant joins over HTTP, opens a graphql-ws connection with its participant
token, subscribes to \`workshopUpdated\` with the phone screen's selection (state and stakes, no results) and scores
${STAKES} stakes over that connection at random moments within ${VOTE_WINDOW_MS / 1000} s. The projector
(an anonymous subscription with the results selection, like the public projector screen) observes the counts.
Targets: acknowledgement p95 < 100 ms, broadcast p95 < 250 ms, stored = acknowledged, no SQLITE_BUSY.

| Participants | Votes | Ack p50 | Ack p95 | Ack p99 | Vote→broadcast p95 | Voting took | Updates received per participant | Server RSS connected / peak | Server CPU per vote | CPU share server / bench client | Event-loop delay p99 / max: server; bench client | Load (1 min) start → end | Stored / acknowledged | Failed votes | SQLITE_BUSY |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${verdicts.join('\n')}

Vote→broadcast: the k-th acknowledged vote on a stake counts as broadcast when the projector
receives an update showing at least k votes for it. Updates are coalesced (at most one every
${200} ms per workshop and process), so a participant receives a few updates per second
however many votes arrive. "Server CPU per vote" is all the server's CPU during voting (acks and
fan-out) divided by the votes. The bench client (all simulated phones in one Node process) runs
on the same 2 cores as the server, and these cores are shared with other work: the load average
and the event-loop delay say how contended a run was; compare rows of the same run rather than
absolute numbers across runs.
`,
);
const failed = results.filter((r) => r.stored !== r.acked || r.busy > 0);
process.exit(failed.length ? 1 : 0);
