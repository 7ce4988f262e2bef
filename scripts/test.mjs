#!/usr/bin/env node
// `npm test`: every tier, in order — unit specs, the build, integration on SQLite, integration
// on PostgreSQL (when reachable), browser journeys in Debian Chromium.
// A tier whose real component is missing says so loudly and is skipped, unless
// ESSAIM_REQUIRE_SERVICES=1 (set by .ci/run), where it fails instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const requireServices = process.env.ESSAIM_REQUIRE_SERVICES === '1';
const only = process.argv.slice(2);
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
let failed = false;

function reachable(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host, timeout: 1500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function jest(label, project, env = {}) {
  const out = join(resultsDir, `jest-${label}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${label} ===`);
  // Integration specs mostly wait (on servers, sockets, timers): two at a time even on 2 cores
  // (jest's default there is one). ESSAIM_TEST_WORKERS overrides it.
  // Browser journeys run one at a time unless ESSAIM_E2E_WORKERS says otherwise (each file has its
  // own server, data directory and browser, so two at a time is safe; not measured on an idle machine).
  const workers =
    project === 'integration'
      ? [`--maxWorkers=${process.env.ESSAIM_TEST_WORKERS ?? 2}`]
      : project === 'e2e' && process.env.ESSAIM_E2E_WORKERS
        ? [`--maxWorkers=${process.env.ESSAIM_E2E_WORKERS}`]
        : [];
  const ok = run(
    'npx',
    ['jest', '--selectProjects', project, ...workers, '--json', `--outputFile=${out}`, ...(process.env.JEST_ARGS?.split(' ').filter(Boolean) ?? [])],
    env,
  );
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) totals.failed += report.numFailedTestSuites;
  } else if (!ok) {
    totals.failed += 1;
  }
  if (!ok) failed = true;
}

function skip(label, why) {
  const message = `SKIPPED ${label}: ${why}`;
  console.warn(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}`);
  notes.push(message);
  if (requireServices) {
    console.error(`ESSAIM_REQUIRE_SERVICES=1: ${label} is required`);
    failed = true;
    totals.failed += 1;
  }
}

const wants = (tier) => only.length === 0 || only.includes(tier);

if (wants('unit')) jest('unit', 'unit');
// Integration tests also start the built API as separate processes (scale-out, shutdown) and
// browser journeys need the built web app: build once, before both.
let built = true;
if (wants('integration') || wants('postgres') || wants('e2e')) {
  console.log('\n=== build ===');
  built = run('npm', ['run', 'build']);
  if (!built) {
    failed = true;
    totals.failed += 1;
  }
}
const postgresPass = (wants('integration') || wants('postgres')) && (await reachable(5432));
// Specs that always use PostgreSQL (concurrent start, PostgreSQL down) run once, in the PostgreSQL pass.
if (wants('integration'))
  jest('integration-sqlite', 'integration', { ESSAIM_TEST_DB: 'sqlite', ...(postgresPass ? { ESSAIM_POSTGRES_PASS_FOLLOWS: '1' } : {}) });
if (wants('integration') || wants('postgres')) {
  if (postgresPass) jest('integration-postgres', 'integration', { ESSAIM_TEST_DB: 'postgres' });
  else skip('integration tests on PostgreSQL', 'nothing answers on 127.0.0.1:5432');
}
if (wants('e2e') && built) {
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    skip('browser journeys', 'Debian Chromium is not installed (apt-get install -y chromium)');
  } else {
    jest('e2e', 'e2e');
  }
}

console.log('');
for (const note of notes) console.log(note);
console.log(`essaim: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
