import type { Page } from 'playwright-core';
import { describeE2E, startE2E, type DemoAccountKey, type E2E } from './harness';

/**
 * Every main page under axe-core (zero serious or critical violations) plus the structure a
 * screen-reader user relies on: <html lang>, one <main>, a working skip link, a page <h1>.
 * A page that does not exist yet fails with its status, never silently.
 */
describeE2E('a11y', () => {
  let e2e: E2E;
  const pages = new Map<string, Page>();
  // 'participant' is the anonymous seminar participant's phone (kept between two tests).
  // Discovered from the demo data in beforeAll.
  let project: { slug: string; revision: number };
  let wikiPage: string;
  let threadId: string;
  let blockerId: string;
  let seminarId: string;
  let joinCode: string;

  /** One browser context per demo account (logged in once), 'anonymous' for a visitor. */
  async function as(who: DemoAccountKey | 'anonymous'): Promise<Page> {
    let page = pages.get(who);
    if (!page) {
      page = await e2e.newPage();
      if (who !== 'anonymous') await e2e.login(page, who);
      pages.set(who, page);
    }
    return page;
  }

  /** Opens `path` (null: audits the page as it is) and checks status, structure, skip link and axe. */
  async function audit(page: Page, path: string | null, label: string): Promise<void> {
    if (path !== null) {
      const response = await page.goto(e2e.url(path));
      const status = response?.status() ?? 0;
      if (status >= 400) {
        const h1 = await page
          .locator('h1')
          .first()
          .textContent()
          .catch(() => null);
        throw new Error(`${label}: ${path} answered HTTP ${status}${status === 404 ? ' — the page does not exist (yet)' : ''} (“${h1?.trim() ?? ''}”).`);
      }
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const structure = await page.evaluate(() => {
      const main = document.querySelectorAll('main');
      const firstHeading = main[0]?.querySelector('h1, h2, h3, h4, h5, h6');
      return {
        lang: document.documentElement.getAttribute('lang') ?? '',
        mains: main.length,
        mainId: main[0]?.id ?? '',
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
        firstHeading: firstHeading?.tagName ?? null,
      };
    });
    expect({ label, lang: structure.lang }).toEqual({ label, lang: expect.stringMatching(/^(fr|en)\b/) });
    expect({ label, mains: structure.mains }).toEqual({ label, mains: 1 });
    expect({ label, hasH1: structure.h1.length > 0 && structure.h1[0].length > 0 }).toEqual({ label, hasH1: true });
    // The page title comes first in <main>: no h2 before the h1.
    expect({ label, firstHeadingInMain: structure.firstHeading }).toEqual({ label, firstHeadingInMain: 'H1' });

    // Skip link: the first focusable element, pointing at <main>; following it moves focus there.
    const skip = await page.evaluate(() => {
      const focusable =
        'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const el = document.querySelector<HTMLElement>(focusable);
      el?.setAttribute('data-a11y-first', '');
      return { tag: el?.tagName ?? '', href: el?.getAttribute('href') ?? '' };
    });
    expect({ label, skip: skip.tag === 'A' && skip.href === `#${structure.mainId}` && structure.mainId !== '' }).toEqual({ label, skip: true });
    await page.locator('[data-a11y-first]').focus();
    await expect(page.locator('[data-a11y-first]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.tagName ?? '')).resolves.toBe('MAIN');
    await page.evaluate(() => document.querySelector('[data-a11y-first]')?.removeAttribute('data-a11y-first'));

    await e2e.checkA11y(page, `${label} (${path})`);
    await e2e.screenshot(page, label);
  }

  beforeAll(async () => {
    e2e = await startE2E('a11y');
    const projects = await e2e.graphql(`{ projects(first: 50) { edges { node { slug revision blockers { id } } } } }`);
    if (projects.errors) throw new Error(`projects: ${JSON.stringify(projects.errors)}`);
    const nodes: { slug: string; revision: number; blockers: { id: string }[] }[] = projects.data.projects.edges.map((e: { node: unknown }) => e.node);
    // The Étampes tele-consultation sheet: written by the 'agent' demo account, three revisions.
    project =
      nodes.find((p) => p.slug.startsWith('cabine-de-teleconsultation') && p.slug.endsWith('etampes') && p.revision > 1) ?? nodes.find((p) => p.revision > 1)!;
    blockerId = nodes.flatMap((p) => p.blockers)[0]?.id;
    const pagesResult = await e2e.graphql(`{ pages(first: 20) { edges { node { slug } } } }`);
    wikiPage = pagesResult.data?.pages.edges[0]?.node.slug;
    const categories = await e2e.graphql(`{ categories { threads(first: 5) { edges { node { id } } } } }`);
    threadId = categories.data?.categories.flatMap((c: { threads: { edges: { node: { id: string } }[] } }) => c.threads.edges.map((e) => e.node.id))[0];
    const facilitator = await as('facilitator');
    const seminars = await facilitator.request.post(e2e.url('/graphql'), {
      headers: { 'content-type': 'application/json' },
      data: { query: `{ seminars(first: 10) { edges { node { id joinCode } } } }` },
    });
    const seminar = (await seminars.json()).data?.seminars.edges[0]?.node;
    seminarId = seminar?.id;
    joinCode = seminar?.joinCode;
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('finds the demo data it audits', () => {
    expect({ project, blockerId, wikiPage, threadId, seminarId, joinCode }).toEqual({
      project: expect.objectContaining({ slug: expect.any(String) }),
      blockerId: expect.any(String),
      wikiPage: expect.any(String),
      threadId: expect.any(String),
      seminarId: expect.any(String),
      joinCode: expect.any(String),
    });
  });

  it('home', async () => audit(await as('anonymous'), '/', 'accueil'));
  it('project list', async () => audit(await as('anonymous'), '/projets', 'liste-projets'));
  it('project page', async () => audit(await as('anonymous'), `/projets/${project.slug}`, 'fiche-projet'));
  it('project page, logged in (replicate form, blockers)', async () => audit(await as('member'), `/projets/${project.slug}`, 'fiche-projet-connecte'));
  it('project editor (logged in as its author)', async () => audit(await as('agent'), `/projets/${project.slug}/modifier`, 'editeur-projet'));
  it('new project form', async () => audit(await as('agent'), '/projets/nouveau', 'nouvelle-fiche'));
  it('project history and diff', async () => audit(await as('anonymous'), `/projets/${project.slug}/historique?de=1&a=${project.revision}`, 'historique-diff'));
  it('wiki page', async () => audit(await as('anonymous'), `/pages/${wikiPage}`, 'page-wiki'));
  it('wiki page history', async () => audit(await as('anonymous'), `/pages/${wikiPage}/historique`, 'historique-page'));
  it('search results', async () => audit(await as('anonymous'), '/recherche?q=teleconsultation', 'recherche'));
  it('forum home', async () => audit(await as('anonymous'), '/forum', 'forum'));
  it('forum thread (logged in, reply form)', async () => audit(await as('member'), `/forum/sujet/${threadId}`, 'sujet-forum'));
  it('comparison page', async () => audit(await as('member'), '/comparer', 'comparer'));
  it('blockers view (département)', async () => audit(await as('anonymous'), '/freins', 'freins'));
  it('accessibility statement', async () => audit(await as('anonymous'), '/accessibilite', 'declaration-accessibilite'));
  it('a blocker', async () => audit(await as('agent'), `/freins/${blockerId}`, 'frein'));
  it('seminar list', async () => audit(await as('facilitator'), '/seminaires', 'seminaires'));
  it('seminar minutes page', async () => audit(await as('facilitator'), `/seminaires/${seminarId}`, 'seminaire-compte-rendu'));

  it('facilitator console of the demo seminar', async () => audit(await as('facilitator'), `/seminaires/${seminarId}/animation`, 'console-animation'));

  it('facilitator console with a workshop reopened', async () => {
    const facilitator = await as('facilitator');
    await facilitator.goto(e2e.url(`/seminaires/${seminarId}/animation`));
    // Reopen the first workshop so that the participant screen shows the voting buttons.
    await facilitator.getByRole('button', { name: 'Rouvrir le vote' }).first().click();
    await facilitator
      .getByRole('heading', { name: /— Vote ouvert$/ })
      .first()
      .waitFor();
    await audit(facilitator, `/seminaires/${seminarId}/animation`, 'console-animation-vote-ouvert');
  });

  it('projector screen', async () => audit(await as('facilitator'), `/seminaires/${seminarId}/projection`, 'projection'));

  it('participant screens: code, name and group', async () => {
    const participant = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    pages.set('participant', participant);
    await audit(participant, '/seminaires/rejoindre', 'rejoindre-code');
    await audit(participant, `/seminaires/rejoindre?code=${encodeURIComponent(joinCode)}`, 'rejoindre-nom-groupe');
  });

  it('participant screen: voting, reformulations open', async () => {
    const participant = pages.get('participant');
    if (!participant) throw new Error('The previous test did not open the participant screen.');
    await participant.getByLabel('Votre nom').fill('Participante a11y');
    await participant.getByRole('button', { name: 'Rejoindre' }).click();
    await participant.getByText('Vous participez en tant que Participante a11y.').waitFor();
    const stake = participant.getByRole('form', { name: 'Note de l’enjeu 1' });
    await stake.getByRole('button', { name: '3', exact: true }).click();
    await stake.getByText('Votre note : 3/5').waitFor();
    await participant.locator('main details summary').first().click();
    await audit(participant, null, 'participant-vote');
  });

  it('login and account pages', async () => {
    await audit(await as('anonymous'), '/connexion', 'connexion');
    await audit(await as('member'), '/compte', 'compte');
  });
});
