#!/usr/bin/env node
// `node scripts/screenshots.mjs`: refreshes the screenshots of docs/ (docs/screenshot.png and
// docs/screenshots/*.png) from the built app with its demo data, in Debian's Chromium, on a
// desktop (1366×900) and a phone (390×844). Build first (`npm run build`).
// Options: ESSAIM_CHROMIUM (default /usr/bin/chromium), SCREENSHOTS_DIR (default docs/screenshots).
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.ESSAIM_CHROMIUM ?? '/usr/bin/chromium';
const OUT = process.env.SCREENSHOTS_DIR ?? join(root, 'docs', 'screenshots');
const SERVER = join(root, 'apps', 'api', 'dist', 'main.js');
const WEB = join(root, 'apps', 'web', 'build');
const DESKTOP = { name: 'bureau', viewport: { width: 1366, height: 900 } };
const PHONE = { name: 'telephone', viewport: { width: 390, height: 844 } };
// The demo accounts (apps/api/src/seed/demo-accounts.ts).
const ACCOUNTS = {
  member: { email: 'agent.evry@essaim.demo', password: 'demo-agent-essaim' },
  facilitator: { email: 'animation@essaim.demo', password: 'demo-animation-essaim' },
};

for (const [what, path] of [
  ['Chromium', CHROMIUM],
  ['the API build', SERVER],
  ['the web build', join(WEB, 'handler.js')],
]) {
  if (!existsSync(path)) {
    console.error(`[screenshots] ${what} is missing (${path}): run "npm run build" (and "apt-get install -y chromium").`);
    process.exit(1);
  }
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'essaim-screenshots-'));
// A private copy of the web build, so that a rebuild meanwhile cannot pull files from under the server.
const webBuild = join(root, 'test-results', `screenshots-web-${process.pid}`);
cpSync(WEB, webBuild, { recursive: true });
const server = spawn(process.execPath, [SERVER], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    TERRITORY_DEPARTEMENTS: '91,75',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    RATE_LIMIT_LOGIN_PER_15_MIN: '1000',
    PUBLIC_URL: base,
    WEB_BUILD_DIR: webBuild,
  },
});
const cleanup = () => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(webBuild, { recursive: true, force: true });
};

async function waitForHealth() {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not answer /healthz within 3 minutes');
}

async function newPage(browser, device) {
  const context = await browser.newContext({
    viewport: device.viewport,
    locale: 'fr-FR',
    deviceScaleFactor: 1,
    isMobile: device === PHONE,
    hasTouch: device === PHONE,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** Loads a page and waits until it is hydrated and its charts and maps have drawn. */
async function open(page, path) {
  await page.goto(base + path);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
}

async function login(page, account) {
  const { email, password } = ACCOUNTS[account];
  await open(page, '/connexion');
  await page.getByLabel(/adresse e-mail/i).fill(email);
  await page.getByLabel(/^mot de passe$/i).fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByRole('button', { name: /^se connecter$/i }).click()]);
}

async function shoot(page, device, label) {
  const file = join(OUT, `${device.name}-${label}.png`);
  // Long pages are cut after about three screens: enough to show the layout.
  const height = await page.evaluate(() => globalThis.document.scrollingElement.scrollHeight);
  const limit = device === PHONE ? 2532 : 2400;
  const clip = height <= limit ? undefined : { x: 0, y: 0, width: device.viewport.width, height: limit };
  await page.screenshot({ path: file, fullPage: true, clip });
  console.log(`[screenshots] ${file}`);
  return file;
}

let failed = false;
try {
  await waitForHealth();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    // The facilitator reopens the demo seminar's last workshop, so that there is a vote to show
    // (the first one keeps its results for the seminar's page).
    const facilitator = await newPage(browser, DESKTOP);
    await login(facilitator, 'facilitator');
    const answer = await facilitator.request.post(`${base}/graphql`, {
      headers: { 'content-type': 'application/json' },
      data: { query: '{ seminars(first: 10) { edges { node { id viewerJoinCode } } } }' },
    });
    const seminar = (await answer.json()).data.seminars.edges[0].node;
    await open(facilitator, `/seminaires/${seminar.id}/animation`);
    const reopen = facilitator.getByRole('button', { name: /^(Rouvrir|Ouvrir) le vote$/ }).last();
    if (await reopen.count()) await Promise.all([facilitator.waitForLoadState('networkidle'), reopen.click()]);

    const sheets = await facilitator.request.post(`${base}/graphql`, {
      headers: { 'content-type': 'application/json' },
      data: { query: '{ projects(first: 50) { edges { node { slug revision } } } }' },
    });
    const nodes = (await sheets.json()).data.projects.edges.map((e) => e.node);
    const slug = (nodes.find((p) => p.slug.startsWith('cabine-de-teleconsultation') && p.revision > 1) ?? nodes.find((p) => p.revision > 1) ?? nodes[0]).slug;

    for (const device of [DESKTOP, PHONE]) {
      const page = await newPage(browser, device);
      await login(page, 'member');
      for (const [label, path] of [
        ['accueil', '/'],
        ['fiche', `/projets/${slug}`],
        ['comparer', '/comparer?territoire=91228&groupe=SAME_EPCI'],
        ['freins', '/freins'],
        ['forum', '/forum'],
        ['seminaire', `/seminaires/${seminar.id}`],
      ]) {
        await open(page, path);
        const file = await shoot(page, device, label);
        if (device === DESKTOP && label === 'accueil') copyFileSync(file, join(root, 'docs', 'screenshot.png'));
      }
      await page.context().close();

      // A participant votes on a phone (or a laptop) with the join code.
      const voter = await newPage(browser, device);
      await open(voter, `/seminaires/rejoindre?code=${encodeURIComponent(seminar.viewerJoinCode)}`);
      await voter.getByLabel('Votre nom').fill(device === PHONE ? 'Camille' : 'Dominique');
      await voter.getByRole('button', { name: 'Rejoindre' }).click();
      await voter.getByText(/^Vous participez en tant que/).waitFor();
      await voter.waitForLoadState('networkidle').catch(() => undefined);
      await shoot(voter, device, 'vote');
      await voter.context().close();
    }

    // The projector, at the two 16:9 sizes it is made for.
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await facilitator.setViewportSize(viewport);
      await open(facilitator, `/seminaires/${seminar.id}/projection`);
      const file = join(OUT, `projection-${viewport.width}x${viewport.height}.png`);
      await facilitator.screenshot({ path: file });
      console.log(`[screenshots] ${file}`);
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error('[screenshots] failed:', error);
} finally {
  cleanup();
}
process.exit(failed ? 1 : 0);
