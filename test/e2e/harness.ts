import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../apps/api/src/seed/demo-accounts';

type StorageState = Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>;

/**
 * Browser journeys: the real built server (API + SvelteKit handler) as a child process on a
 * free port with a throwaway DATA_DIR, driven by Debian's Chromium through playwright-core.
 */
export const ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.ESSAIM_CHROMIUM ?? '/usr/bin/chromium';
export const SERVER_ENTRY = join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const WEB_HANDLER = join(ROOT, 'apps', 'web', 'build', 'handler.js');
export const SCREENSHOTS_DIR = join(ROOT, 'test-results', 'screenshots');
/** Moderate and minor axe findings, one per line (page, rule, first nodes). */
export const A11Y_REVIEW_FILE = join(ROOT, 'test-results', 'a11y-review.tsv');
const REQUIRE_SERVICES = process.env.ESSAIM_REQUIRE_SERVICES === '1';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type DemoAccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];
export const DEMO = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, a])) as Record<DemoAccountKey, (typeof DEMO_ACCOUNTS)[number]>;

// Per test and per hook (beforeAll starts a server: territory import, search engine, demo seed).
if (typeof jest !== 'undefined') jest.setTimeout(180_000);

/** Why the journeys cannot run here, or null when they can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium is missing (${CHROMIUM}): install it with "apt-get install -y chromium".`;
  if (!existsSync(SERVER_ENTRY)) return `The API is not built (${SERVER_ENTRY}): run "cd apps/api && npx tsc -p tsconfig.build.json".`;
  if (!existsSync(WEB_HANDLER)) return `The web app is not built (${WEB_HANDLER}): run "npm run build -w @essaim/web".`;
  return null;
}

/**
 * describe() for a browser journey: skipped with a loud message when Chromium or the builds
 * are missing, failing instead when ESSAIM_REQUIRE_SERVICES=1.
 */
export function describeE2E(name: string, fn: () => void): void {
  const missing = missingPrerequisite();
  if (!missing) {
    describe(name, fn);
    return;
  }
  const banner = `\n${'!'.repeat(78)}\n!! E2E "${name}" ${REQUIRE_SERVICES ? 'FAILS' : 'SKIPPED'}: ${missing}\n${'!'.repeat(78)}\n`;
  console.warn(banner);
  if (REQUIRE_SERVICES) {
    describe(name, () => {
      it('needs Chromium and the built server (ESSAIM_REQUIRE_SERVICES=1)', () => {
        throw new Error(missing);
      });
    });
  } else {
    describe.skip(name, fn);
  }
}

export interface E2EOptions {
  /** Extra environment for the server (e.g. { RATE_LIMIT_REGISTER_PER_HOUR: '1000' }). */
  env?: Record<string, string>;
  /** Seconds to wait for /healthz (default 90: territory import, search engine, demo seed). */
  startTimeoutSeconds?: number;
}

export interface NewPageOptions extends BrowserContextOptions {
  /** Interface language: sets the `lang` cookie (default French). */
  lang?: 'fr' | 'en';
}

export class E2E {
  private step = 0;
  private readonly output: string[] = [];
  private readonly sessions = new Map<string, StorageState>();

  private constructor(
    readonly journey: string,
    readonly baseUrl: string,
    readonly browser: Browser,
    private readonly server: ChildProcess,
    private readonly dataDir: string,
    private readonly webBuild: string,
  ) {}

  /** Starts a server and a browser for one test file. Call in beforeAll, stop() in afterAll. */
  static async start(journey: string, options: E2EOptions = {}): Promise<E2E> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `essaim-e2e-${journey}-`));
    const output: string[] = [];
    // A private copy of the web build: other engineers rebuilding apps/web meanwhile cannot pull
    // files from under the running server. Kept inside the repo so bare imports still resolve.
    const webBuild = join(ROOT, 'test-results', 'e2e-web-builds', `${journey}-${process.pid}`);
    rmSync(webBuild, { recursive: true, force: true });
    cpSync(join(ROOT, 'apps', 'web', 'build'), webBuild, { recursive: true });
    const server = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: ROOT,
      env: {
        ...withoutExternalServices(process.env),
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO_DATA: 'true',
        TERRITORY_DEPARTEMENTS: '91,75',
        LOG_LEVEL: 'warn',
        COOKIE_SECURE: 'false',
        // Every simulated person drives the same local Chromium, so they all share 127.0.0.1.
        RATE_LIMIT_LOGIN_PER_15_MIN: '1000',
        RATE_LIMIT_REGISTER_PER_HOUR: '1000',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        WEB_BUILD_DIR: webBuild,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    let browser: Browser | undefined;
    try {
      await waitForHealth(baseUrl, server, (options.startTimeoutSeconds ?? 90) * 1000);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    } catch (error) {
      server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(webBuild, { recursive: true, force: true });
      console.error(`[e2e ${journey}] server output:\n${output.join('').slice(-8000)}`);
      throw error;
    }
    const e2e = new E2E(journey, baseUrl, browser, server, dataDir, webBuild);
    e2e.output.push(...output);
    server.stdout?.on('data', (chunk: Buffer) => e2e.output.push(chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => e2e.output.push(chunk.toString()));
    rmSync(join(SCREENSHOTS_DIR, journey), { recursive: true, force: true });
    return e2e;
  }

  url(path = '/'): string {
    return new URL(path, this.baseUrl).href;
  }

  /** The server's output so far (printed automatically when it fails to start). */
  logs(): string {
    return this.output.join('');
  }

  /** A fresh browser context (own cookies) and page, French unless told otherwise. */
  async newPage(options: NewPageOptions = {}): Promise<Page> {
    const { lang = 'fr', ...contextOptions } = options;
    const context = await this.browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB', viewport: { width: 1280, height: 900 }, ...contextOptions });
    if (lang !== 'fr') await context.addCookies([{ name: 'lang', value: lang, url: this.baseUrl }]);
    const page = await context.newPage();
    if (contextOptions.javaScriptEnabled !== false) {
      // Every page load waits until the app is hydrated: text typed or a click made while the
      // scripts are still starting can be wiped or lost (seen in CI on slow runs).
      const hydrated = async (response: Response | null) => {
        if (!response || (response.headers()['content-type'] ?? '').includes('text/html'))
          await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
        return response;
      };
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (url, options) => hydrated(await goto(url, options));
      page.reload = async (options) => hydrated(await reload(options));
    }
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => console.error(`[e2e ${this.journey}] page error: ${error.message}`));
    return page;
  }

  /** Logs in through the real login form with a demo account (or any email/password). */
  async login(page: Page, account: DemoAccountKey | { email: string; password: string }): Promise<void> {
    const { email, password } = typeof account === 'string' ? DEMO[account] : account;
    // Type once the page is hydrated, not while its scripts are still loading.
    await page.goto(this.url('/connexion'));
    await page.getByLabel(/adresse e-mail|email address/i).fill(email);
    await page.getByLabel(/^(mot de passe|password)$/i).fill(password);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByRole('button', { name: /^(se connecter|log in)$/i }).click()]);
  }

  /**
   * A fresh context and page already logged in as a demo account: through the real form the first
   * time in this file, then with the cookies saved from that login (a form login costs a page load
   * and a password hash check). Only for journeys that do not log that account out.
   */
  async newPageAs(account: DemoAccountKey, options: NewPageOptions = {}): Promise<Page> {
    const key = `${account}/${options.lang ?? 'fr'}`;
    const session = this.sessions.get(key);
    if (!session) {
      const first = await this.newPage(options);
      await this.login(first, account);
      this.sessions.set(key, await first.context().storageState());
      return first;
    }
    return this.newPage({ ...options, storageState: session });
  }

  /** Saves a full-page PNG as test-results/screenshots/<journey>/NN-<step>.png and returns its path. */
  async screenshot(page: Page, step: string): Promise<string> {
    this.step++;
    const dir = join(SCREENSHOTS_DIR, this.journey);
    mkdirSync(dir, { recursive: true });
    const name = `${String(this.step).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`;
    const path = join(dir, name);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  /** Runs axe-core on the page (WCAG 2.x A/AA) and fails on any serious or critical violation. */
  async checkA11y(page: Page, label = page.url()): Promise<void> {
    // Legacy mode runs axe.run() in the page itself; the default (runPartial, then finishRun in a
    // new blank page with axe injected a second time) took twice as long, for the same violations:
    // the app has no iframes. Only violations are read, so passes and incomplete are not collected.
    // options() first: it replaces the options that withTags() sets.
    const results = await new AxeBuilder({ page })
      .setLegacyMode()
      .options({ resultTypes: ['violations'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    // Moderate and minor findings do not fail the run; they are listed for review.
    for (const v of results.violations.filter((x) => !blocking.includes(x))) {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      appendFileSync(
        A11Y_REVIEW_FILE,
        `${label}\t[${v.impact}] ${v.id}: ${v.help}\t${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}\n`,
      );
    }
    if (blocking.length) {
      const details = blocking
        .map(
          (v) =>
            `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
              .slice(0, 5)
              .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
              .join('\n')}`,
        )
        .join('\n');
      throw new Error(`Accessibility violations on ${label}:\n${details}`);
    }
  }

  /** A GraphQL call without cookies, for test setup over HTTP. */
  async graphql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const response = await fetch(this.url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await new Promise<void>((done) => {
      if (this.server.exitCode !== null || this.server.signalCode !== null) return done();
      const timer = setTimeout(() => {
        this.server.kill('SIGKILL');
        done();
      }, 10_000);
      this.server.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      this.server.kill('SIGTERM');
    });
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.webBuild, { recursive: true, force: true });
  }
}

/** Shorthand for E2E.start(). */
export const startE2E = (journey: string, options?: E2EOptions) => E2E.start(journey, options);

/** The embedded defaults (SQLite, managed search engine, in-memory pub/sub) unless a journey asks otherwise. */
function withoutExternalServices(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'WEB_BUILD_DIR', 'ESSAIM_API_URL']) delete copy[name];
  return copy;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode} before answering /healthz.`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      // Any answer means it listens (a degraded search engine still answers); then the home page must render.
      await response.arrayBuffer();
      const page = await fetch(`${baseUrl}/`);
      if (page.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer ${baseUrl}/healthz within ${timeoutMs / 1000} s.`);
}
