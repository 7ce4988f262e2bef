import type { Page } from 'playwright-core';
import { describeE2E, startE2E, type DemoAccountKey, type E2E } from './harness';

/**
 * The designed interface (issue #18) at a desktop (1366×900) and a phone (390×844): no page
 * scrolls sideways, the header search text is visible, every field is the design system's
 * component, the projector shows its results above the fold at 16:9, blockers open from
 * /freins, and the phone header works without JavaScript.
 */
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

describeE2E('layout', () => {
  let e2e: E2E;
  let slug: string;
  let blockerId: string;
  let seminarId: string;

  beforeAll(async () => {
    e2e = await startE2E('layout');
    const projects = await e2e.graphql(`{ projects(first: 50) { edges { node { slug revision blockers { id } } } } }`);
    const nodes: { slug: string; revision: number; blockers: { id: string }[] }[] = projects.data.projects.edges.map((e: { node: unknown }) => e.node);
    // The Étampes tele-consultation sheet: written by the 'agent' demo account, several revisions.
    slug = (
      nodes.find((p) => p.slug.startsWith('cabine-de-teleconsultation') && p.slug.endsWith('etampes') && p.revision > 1) ??
      nodes.find((p) => p.revision > 1) ??
      nodes[0]
    ).slug;
    blockerId = nodes.flatMap((p) => p.blockers)[0]?.id;
    const facilitator = await e2e.newPageAs('facilitator');
    const seminars = await facilitator.request.post(e2e.url('/graphql'), {
      headers: { 'content-type': 'application/json' },
      data: { query: `{ seminars(first: 10) { edges { node { id } } } }` },
    });
    seminarId = (await seminars.json()).data?.seminars.edges[0]?.node.id;
    await facilitator.context().close();
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  const mainPages = () => [
    '/',
    '/projets',
    `/projets/${slug}`,
    `/projets/${slug}/historique`,
    '/pages',
    '/forum',
    '/seminaires',
    '/comparer?territoire=91228&groupe=SAME_EPCI',
    '/freins',
    `/freins/${blockerId}`,
    '/territoires',
    '/territoires/91228',
    '/recherche?q=numerique',
    '/accessibilite',
  ];

  /** Pages whose width is wider than the window, with the elements sticking out. */
  async function sidewaysScroll(page: Page, paths: string[]): Promise<string[]> {
    const failures: string[] = [];
    for (const path of paths) {
      const response = await page.goto(e2e.url(path));
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      const m = await page.evaluate(() => {
        const width = window.innerWidth;
        const over = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        return { scrollWidth: document.scrollingElement!.scrollWidth, width, over };
      });
      if (m.scrollWidth > m.width) failures.push(`${path}: ${m.scrollWidth - m.width}px too wide (${m.over.join(', ')})`);
    }
    return failures;
  }

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`no main page scrolls sideways (${name} ${viewport.width}×${viewport.height})`, async () => {
      const page = await e2e.newPageAs('member', { viewport });
      expect(await sidewaysScroll(page, mainPages())).toEqual([]);
      await page.context().close();
    });
  }

  it('shows the text typed in the header search box, on a desktop and on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await e2e.newPage({ viewport });
      await page.goto(e2e.url('/'));
      if (viewport === PHONE) {
        // Behind a button on phones.
        await expect(page.getByRole('combobox', { name: 'Rechercher dans Essaim' }).isVisible()).resolves.toBe(false);
        await page.locator('.search-disclosure > summary').click();
      }
      const box = page.getByRole('combobox', { name: 'Rechercher dans Essaim' });
      await box.fill('coworking');
      const colours = await box.evaluate((el) => {
        const style = getComputedStyle(el);
        return { color: style.color, background: style.backgroundColor, fontSize: parseFloat(style.fontSize), height: el.getBoundingClientRect().height };
      });
      expect(colours.color).not.toBe(colours.background);
      expect(colours.fontSize).toBeGreaterThanOrEqual(16);
      expect(colours.height).toBeGreaterThanOrEqual(43);
      await page.context().close();
    }
  });

  /**
   * Every field and button of a page: the design system's (data-ui set by lib/ui), 16 px text
   * and at least 43 px high for fields. The seminar's score targets are the one custom control.
   */
  async function controlProblems(page: Page, path: string): Promise<{ count: number; problems: string[] }> {
    const found = await page.evaluate(() => {
      const visible = (el: Element) => el.getClientRects().length > 0;
      const fields = [...document.querySelectorAll<HTMLElement>('main input, main select, main textarea')]
        .filter((el) => !['hidden', 'radio', 'checkbox', 'submit', 'file'].includes((el as HTMLInputElement).type) && visible(el))
        .map((el) => {
          const style = getComputedStyle(el);
          return {
            id: el.id || (el as HTMLInputElement).name,
            ui: el.dataset.ui ?? null,
            fontSize: parseFloat(style.fontSize),
            height: el.getBoundingClientRect().height,
          };
        });
      const buttons = [...document.querySelectorAll<HTMLElement>('main button')]
        .filter((el) => visible(el) && !el.classList.contains('target'))
        .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 40), ui: el.dataset.ui ?? null }));
      return { fields, buttons };
    });
    const problems: string[] = [];
    for (const f of found.fields) {
      if (!f.ui) problems.push(`${path} #${f.id}: not a lib/ui field`);
      if (f.fontSize < 16) problems.push(`${path} #${f.id}: ${f.fontSize}px text`);
      if (f.height < 43) problems.push(`${path} #${f.id}: ${f.height}px high`);
    }
    for (const b of found.buttons) if (!b.ui) problems.push(`${path} button "${b.text}": not a lib/ui Button`);
    return { count: found.fields.length + found.buttons.length, problems };
  }

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`renders every field and button with the design system's components, axe clean (${name} ${viewport.width}×${viewport.height})`, async () => {
      const pages = new Map<string, Page>();
      const as = async (account: DemoAccountKey | 'anonymous') => {
        if (!pages.has(account)) {
          const page = account === 'anonymous' ? await e2e.newPage({ viewport }) : await e2e.newPageAs(account, { viewport });
          pages.set(account, page);
        }
        return pages.get(account)!;
      };
      const categories = await e2e.graphql(`{ categories { slug } }`);
      const category: string = categories.data.categories[0].slug;
      const checks: [DemoAccountKey | 'anonymous', string][] = [
        ['anonymous', '/connexion'],
        ['anonymous', '/inscription'],
        ['anonymous', '/mot-de-passe/oublie'],
        ['anonymous', '/seminaires/rejoindre'],
        ['agent', '/freins'],
        ['agent', '/projets'],
        ['agent', '/projets/nouveau'],
        ['agent', `/projets/${slug}`],
        ['agent', `/projets/${slug}/modifier`],
        ['agent', `/projets/${slug}/historique`],
        ['agent', '/territoires'],
        ['agent', '/forum/nouveau'],
        ['agent', `/forum/${category}`],
        ['agent', `/freins/signaler?projet=${slug}`],
        ['agent', '/recherche?q=numerique'],
        ['agent', '/compte'],
        ['agent', '/compte/adresse'],
        ['agent', '/compte/notifications'],
        ['agent', '/comparer?territoire=91228&groupe=SAME_EPCI'],
        ['moderator', `/projets/${slug}/historique`],
        ['moderator', '/compte/collectivite'],
        ['facilitator', '/seminaires'],
        ['facilitator', `/seminaires/${seminarId}/animation`],
        ['facilitator', `/seminaires/${seminarId}/inviter`],
      ];
      const problems: string[] = [];
      for (const [account, path] of checks) {
        const page = await as(account);
        const response = await page.goto(e2e.url(path));
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const { count, problems: found } = await controlProblems(page, path);
        expect({ path, someControls: count > 0 }).toEqual({ path, someControls: true });
        problems.push(...found);
        await e2e.checkA11y(page, `${path} (${name})`);
      }
      expect(problems).toEqual([]);
      for (const page of pages.values()) await page.context().close();
    }, 600_000);
  }

  it("shows a seminar's workshops as tabs: arrow keys with JavaScript, links without", async () => {
    const page = await e2e.newPageAs('facilitator', { viewport: DESKTOP });
    await page.goto(e2e.url(`/seminaires/${seminarId}`));
    const tablist = page.getByRole('tablist', { name: 'Ateliers' });
    const tabs = tablist.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(1);
    const first = tabs.nth(0);
    const second = tabs.nth(1);
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(second.getAttribute('tabindex')).resolves.toBe('-1');
    // One panel shown, named after its tab.
    const secondName = ((await second.textContent()) ?? '').trim();
    await expect(page.getByRole('tabpanel').count()).resolves.toBe(1);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).resolves.toBe('true');
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('tabpanel', { name: secondName }).isVisible()).resolves.toBe(true);
    expect(page.url()).toMatch(/\?atelier=/);
    await page.keyboard.press('End');
    await expect(tabs.nth(count - 1).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Home');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await e2e.checkA11y(page, 'seminaire (onglets)');
    await page.context().close();

    // Without JavaScript each tab is a link that reloads the page on its panel.
    const plain = await e2e.newPage({ viewport: PHONE, javaScriptEnabled: false });
    await e2e.login(plain, 'facilitator');
    await plain.goto(e2e.url(`/seminaires/${seminarId}`));
    const link = plain.getByRole('tab').nth(1);
    const name = ((await link.textContent()) ?? '').trim();
    await Promise.all([plain.waitForURL(/\?atelier=/), link.click()]);
    await expect(plain.getByRole('tab', { selected: true }).textContent()).resolves.toContain(name);
    await expect(plain.getByRole('tabpanel', { name }).isVisible()).resolves.toBe(true);
    expect(await sidewaysScroll(plain, [`/seminaires/${seminarId}`])).toEqual([]);
    await plain.context().close();
  });

  it('projects results first, with the code and QR code in view, at 1280×720 and 1920×1080', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      // The facilitator projects: the join code and its QR code are for the seminar's facilitators.
      const page = await e2e.newPageAs('facilitator', { viewport });
      await page.goto(e2e.url(`/seminaires/${seminarId}/projection`));
      // No site chrome: no banner, no navigation, no footer.
      await expect(page.getByRole('banner').count()).resolves.toBe(0);
      await expect(page.getByRole('navigation').count()).resolves.toBe(0);
      await expect(page.getByRole('contentinfo').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Plein écran' }).waitFor();
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      const table = await box('main table');
      expect(table.y).toBeLessThan(viewport.height / 3);
      expect(table.y + 80).toBeLessThanOrEqual(viewport.height);
      for (const selector of ['.qr svg', '.code']) {
        const b = await box(selector);
        expect({ selector, inView: b.y >= 0 && b.y + b.height <= viewport.height && b.x + b.width <= viewport.width }).toEqual({ selector, inView: true });
      }
      const fits = await page.evaluate(() => ({ h: document.scrollingElement!.scrollHeight, w: document.scrollingElement!.scrollWidth }));
      expect(fits).toEqual({ h: viewport.height, w: viewport.width });
      await e2e.checkA11y(page, `projection ${viewport.width}×${viewport.height}`);
      await e2e.screenshot(page, `projection-${viewport.width}`);
      await page.context().close();
    }
  });

  it('opens a blocker from /freins, filtered and sorted, on a phone', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await page.goto(e2e.url('/freins'));
    await e2e.checkA11y(page, 'freins (phone)');
    await page.getByLabel('Statut').selectOption('LIFTED');
    await page.getByLabel('Trier par').selectOption('OLDEST');
    await Promise.all([page.waitForURL(/statut=LIFTED/), page.getByRole('button', { name: 'Afficher' }).click()]);
    const list = page.locator('#liste');
    const rows = list.getByRole('row');
    await expect(rows.count()).resolves.toBeGreaterThan(1);
    const statuses = await list.locator('.ui-badge').allTextContents();
    expect(statuses.filter((s) => /Levé/.test(s)).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => /Ouvert|En cours/.test(s))).toEqual([]);
    const first = list.getByRole('rowheader').first().getByRole('link');
    const title = (await first.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/freins\/\d+$/), first.click()]);
    await expect(page.locator('main').textContent()).resolves.toContain(title);
    await e2e.screenshot(page, 'frein-ouvert-depuis-la-liste');
    await page.context().close();
  });

  it('keeps search and menu behind two buttons on a phone, without JavaScript', async () => {
    const page = await e2e.newPage({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto(e2e.url('/'));
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'Freins', exact: true }).isVisible()).resolves.toBe(false);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(90);
    await page.locator('.menu-disclosure > summary').click();
    await Promise.all([page.waitForURL(/\/freins$/), nav.getByRole('link', { name: 'Freins', exact: true }).click()]);
    await page.locator('.search-disclosure > summary').click();
    await page.getByRole('searchbox', { name: 'Rechercher dans Essaim' }).fill('coworking');
    await Promise.all([page.waitForURL(/\/recherche\?q=coworking/), page.getByRole('searchbox', { name: 'Rechercher dans Essaim' }).press('Enter')]);
    await page.context().close();
  });

  for (const [name, viewport] of [
    ['bureau', DESKTOP],
    ['telephone', PHONE],
  ] as const) {
    it(`takes the screenshots of the main pages (${name}), accessible`, async () => {
      const page = await e2e.newPageAs('member', { viewport });
      for (const [label, path] of [
        ['accueil', '/'],
        ['fiche', `/projets/${slug}`],
        ['freins', '/freins'],
        ['comparer', '/comparer?territoire=91228&groupe=SAME_EPCI'],
        ['forum', '/forum'],
        ['accessibilite', '/accessibilite'],
      ]) {
        await page.goto(e2e.url(path));
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await e2e.checkA11y(page, `${label} (${name})`);
        await e2e.screenshot(page, `${name}-${label}`);
      }
      await page.context().close();
    }, 400_000);
  }
});
