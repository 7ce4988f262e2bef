#!/usr/bin/env node
/* global window -- read inside page.evaluate, in the browser */
// Web performance budget, measured in Chromium (playwright-core, /usr/bin/chromium) on loopback:
// the home page, a project sheet and Comparer must each reach Largest Contentful Paint < 1 s and
// load ≤ 150 KB of compressed JavaScript. Essaim itself sends JavaScript uncompressed (a reverse
// proxy compresses in production, docs/deployment.md), so "compressed" is each script's gzip
// size (level 6, what nginx sends by default), reported next to the raw bytes.
// Each page is loaded BENCH_RUNS times (default 5) in a fresh browser context (cold cache);
// the median LCP is compared with the budget. Prints a Markdown table and writes
// test-results/web-budget.json; exits 1 when a page is over budget. Writes nothing to docs/.
// Needs the built app: npm run build.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './search-report.mjs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.ESSAIM_CHROMIUM ?? '/usr/bin/chromium';
const BUDGET = { lcpMs: 1000, jsGzipBytes: 150 * 1024 };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitFor(url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer in time`);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One cold load: LCP (from the browser's own PerformanceObserver) and every script's size. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const scripts = new Map();
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/.test(type) || scripts.has(response.url())) return;
    scripts.set(response.url(), null);
    try {
      const body = await response.body();
      scripts.set(response.url(), { raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
    } catch {
      scripts.delete(response.url());
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // LCP is final once the user interacts; a click on an empty spot ends it without navigating.
  await page.mouse.click(1, 1);
  const lcp = await page.evaluate(() => window.__lcp);
  const sizes = [...scripts.values()].filter(Boolean);
  await context.close();
  return { lcp, scripts: sizes.length, raw: sizes.reduce((s, x) => s + x.raw, 0), gzip: sizes.reduce((s, x) => s + x.gzip, 0) };
}

async function main() {
  if (!existsSync(join(root, 'apps/api/dist/main.js')) || !existsSync(join(root, 'apps/web/build/handler.js'))) {
    throw new Error('Build first: npm run build');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'essaim-web-budget-'));
  const server = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      TERRITORY_DEPARTEMENTS: '91',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  let browser;
  try {
    await waitFor(`${base}/healthz`);
    const projects = await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ projects(first: 1) { edges { node { slug } } } }' }),
      })
    ).json();
    const slug = projects.data.projects.edges[0].node.slug;
    const pages = [
      // Baseline of the same run: a static text page through the same server and browser.
      ['Baseline: accessibility statement (static text)', '/accessibilite'],
      ['Home', '/'],
      ['Project sheet', `/projets/${slug}`],
      ['Comparer', '/comparer?territoire=91228&groupe=SAME_EPCI'],
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    // One warm-up load each: the first request of a page builds caches no visitor waits for twice.
    for (const [, path] of pages) await measure(browser, base + path);
    const results = [];
    for (const [name, path] of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, base + path));
      const lcp = median(runs.map((r) => r.lcp));
      const last = runs[runs.length - 1];
      results.push({
        name,
        path,
        runs: RUNS,
        lcpMedianMs: Math.round(lcp),
        lcpMaxMs: Math.round(Math.max(...runs.map((r) => r.lcp))),
        scripts: last.scripts,
        jsRawBytes: last.raw,
        jsGzipBytes: last.gzip,
        withinBudget: lcp < BUDGET.lcpMs && last.gzip <= BUDGET.jsGzipBytes,
      });
    }
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const baseline = results[0];
    const rows = results.map(
      (r) =>
        `| ${r.name} | ${r.lcpMedianMs} ms | ×${(r.lcpMedianMs / baseline.lcpMedianMs).toFixed(2)} | ${r.lcpMaxMs} ms | ${r.scripts} | ${kb(r.jsRawBytes)} | ${kb(r.jsGzipBytes)} | ${r.withinBudget ? 'within' : '**over**'} |`,
    );
    const table = [
      '| Page | LCP median | LCP vs baseline | LCP max | Scripts | JS raw | JS gzip | Budget (LCP < 1 s, JS ≤ 150 KB) |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n');
    const context = `${RUNS} cold loads per page after one warm-up, Debian Chromium headless, loopback; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)} at the end`;
    console.log(`\nWeb budget (${context}):\n\n${table}`);
    writeSection(
      join(root, 'docs/performance.md'),
      'Web performance budget',
      `
\`npm run bench -- web-budget\` (\`test/bench/web-budget.bench.mjs\`) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${context}.
The built app (API + SvelteKit SSR, demo data) in production mode; Largest Contentful Paint from the browser's own
PerformanceObserver, JavaScript counted from the responses (gzip as served). The baseline is a static text page of the
same run, so the ratio says what each page costs beyond the server and browser themselves.

${table}
`,
    );
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results/web-budget.json'), JSON.stringify({ at: new Date().toISOString(), budget: BUDGET, results }, null, 2));
    if (results.some((r) => !r.withinBudget)) process.exitCode = 1;
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
