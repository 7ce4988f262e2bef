import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describeE2E, startE2E, type E2E } from './harness';

/**
 * Persona 3 — Fanny, facilitator: runs a two-group seminar with three participants, each in
 * their own browser context; one proposes a reformulation that the two others support, she
 * adopts it, closes the vote and downloads the minutes. Run twice: with the mouse, then with
 * the keyboard only (Tab/Shift+Tab to reach a control, Enter/Space/arrows to use it, typing).
 */

/** How the journey acts on the page: the mouse (and fill), or the keyboard only. */
interface Driver {
  readonly mode: 'souris' | 'clavier';
  click(target: Locator): Promise<void>;
  fill(target: Locator, text: string): Promise<void>;
  fillDate(target: Locator, isoDate: string): Promise<void>;
  /** Checks a radio button of a group. */
  choose(target: Locator): Promise<void>;
  /** Controls reached with the keyboard that showed no visible focus indicator. */
  readonly focusProblems: string[];
}

const mouse: Driver = {
  mode: 'souris',
  focusProblems: [],
  click: (target) => target.click(),
  fill: (target, text) => target.fill(text),
  fillDate: (target, isoDate) => target.fill(isoDate),
  choose: (target) => target.check(),
};

function keyboard(): Driver {
  const focusProblems: string[] = [];

  /** Moves the focus with Tab (or Shift+Tab when the target is before it) until `target` has it. */
  async function tabTo(target: Locator): Promise<void> {
    const page = target.page();
    await target.waitFor();
    const handle = await target.elementHandle();
    if (!handle) throw new Error(`Keyboard: ${target} is not in the page.`);
    const key = await handle.evaluate((el) => {
      const active = document.activeElement;
      if (!active || active === document.body) return 'Tab';
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? 'Shift+Tab' : 'Tab';
    });
    for (let i = 0; i < 400; i++) {
      if (await handle.evaluate((el) => el === document.activeElement)) {
        const visible = await handle.evaluate((el) => {
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          return el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
        });
        if (!visible) focusProblems.push(`${page.url()} ${await handle.evaluate((el) => el.outerHTML.slice(0, 120))}`);
        return;
      }
      await page.keyboard.press(key);
    }
    throw new Error(`Keyboard: ${target} cannot be reached with ${key} (400 presses).`);
  }

  return {
    mode: 'clavier',
    focusProblems,
    async click(target) {
      await tabTo(target);
      const tag = await target.evaluate((el) => el.tagName);
      // Enter follows links and submits buttons; a <summary> toggles with Enter too.
      await target.page().keyboard.press(tag === 'BUTTON' ? 'Space' : 'Enter');
    },
    async fill(target, text) {
      await tabTo(target);
      const page = target.page();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    },
    async fillDate(target, isoDate) {
      await tabTo(target);
      const [year, month, day] = isoDate.split('-');
      // Typed as day, month, year (French order).
      await target.page().keyboard.type(`${day}${month}${year}`);
      await expect(target.inputValue()).resolves.toBe(isoDate);
    },
    async choose(target) {
      // A radio group is one Tab stop (the checked radio): arrows move the choice.
      const page = target.page();
      const name = await target.getAttribute('name');
      const first = page.locator(`input[type="radio"][name="${name}"]:checked`);
      await tabTo(first);
      for (let i = 0; i < 20 && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
      if (!(await target.isChecked())) throw new Error(`Keyboard: could not choose ${target} with the arrow keys.`);
    },
  };
}

interface Person {
  name: string;
  group: string;
  scores: [string, string];
  page?: Page;
}

describeE2E('persona-facilitator', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('persona-facilitator');
    // Let the start-up work (demo seed indexing) finish and warm the routes up before the first login.
    for (let i = 0; i < 200; i++) {
      const r = await e2e.graphql(`{ search(q: "teleconsultation", types: [PROJECT]) { total } }`);
      if ((r.data?.search.total ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const path of ['/connexion', '/seminaires', '/seminaires/rejoindre']) await fetch(e2e.url(path)).then((r) => r.arrayBuffer());
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  async function journey(drive: Driver): Promise<void> {
    const shot = (page: Page, step: string) => e2e.screenshot(page, `${drive.mode}-${step}`);
    const title = `Séminaire numérique de Massy (${drive.mode})`;

    // 1. The facilitator prepares the seminar: two groups, a workshop, two stakes; opens the vote.
    const facilitator = await e2e.newPage();
    await e2e.login(facilitator, 'facilitator');
    // The projector (her second screen) logs in before the console is open: the console's live
    // refresh currently reconnects and reloads continuously, which slows the server down.
    const projector = await e2e.newPage({ viewport: { width: 1920, height: 1080 } });
    await e2e.login(projector, 'facilitator');
    await facilitator.goto(e2e.url('/seminaires'));
    await drive.fill(facilitator.getByLabel('Titre'), title);
    // Day = month: Chromium orders the date field's segments by its own UI locale, not the page's.
    await drive.fillDate(facilitator.getByLabel('Date'), '2025-06-06');
    await Promise.all([facilitator.waitForURL(/\/seminaires\/\d+\/animation/), drive.click(facilitator.getByRole('button', { name: 'Créer' }))]);
    const seminarId = /\/seminaires\/(\d+)\//.exec(facilitator.url())![1];
    for (const group of ['Groupe A', 'Groupe B']) {
      await drive.fill(facilitator.getByLabel('Nom du groupe'), group);
      await drive.click(facilitator.getByRole('region', { name: 'Groupes' }).getByRole('button', { name: 'Ajouter' }));
      await facilitator.getByText(`${group} — 0 participant`).waitFor();
    }
    await drive.fill(facilitator.getByLabel("Titre de l'atelier"), 'Services aux citoyens');
    await drive.click(facilitator.getByRole('region', { name: 'Ateliers' }).getByRole('button', { name: 'Ajouter' }).first());
    const workshop = facilitator.getByRole('article', { name: /^Services aux citoyens — / });
    await workshop.getByRole('heading', { name: /En préparation/ }).waitFor();
    await drive.fill(workshop.getByLabel('Enjeux (un par ligne)'), 'Développer la télémédecine\nOuvrir les données des services');
    await drive.click(workshop.getByRole('button', { name: 'Ajouter' }));
    await workshop.getByRole('cell', { name: 'Ouvrir les données des services' }).waitFor();
    await drive.click(workshop.getByRole('button', { name: 'Ouvrir le vote' }));
    await workshop.getByRole('heading', { name: /Vote ouvert/ }).waitFor();
    const code = /Code : (\S+)/.exec((await facilitator.locator('main').textContent()) ?? '')?.[1];
    expect(code).toBeTruthy();
    await shot(facilitator, 'console-prete');

    // 2. The projector shows how to join (code and QR code).
    await projector.goto(e2e.url(`/seminaires/${seminarId}/projection`));
    await projector.getByText(`code ${code}`).waitFor();
    await projector.locator('.qr svg').waitFor();
    await shot(projector, 'projection-code');

    // 3. Three participants, each on their own phone, join their group and score both stakes.
    const people: Person[] = [
      { name: 'Camille', group: 'Groupe A', scores: ['4', '2'] },
      { name: 'Dominique', group: 'Groupe A', scores: ['5', '3'] },
      { name: 'Sacha', group: 'Groupe B', scores: ['3', '1'] },
    ];
    for (const person of people) {
      const phone = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      person.page = phone;
      await phone.goto(e2e.url('/seminaires/rejoindre'));
      await drive.fill(phone.getByLabel('Code du séminaire'), code!.toLowerCase());
      await Promise.all([phone.waitForURL(/code=/), drive.click(phone.getByRole('button', { name: 'Continuer' }))]);
      await drive.fill(phone.getByLabel('Votre nom'), person.name);
      await drive.choose(phone.getByLabel(person.group));
      await drive.click(phone.getByRole('button', { name: 'Rejoindre' }));
      await phone.getByText(`Vous participez en tant que ${person.name}.`).waitFor();
      for (const [index, value] of person.scores.entries()) {
        const form = phone.getByRole('form', { name: `Note de l’enjeu ${index + 1}` });
        await drive.click(form.getByRole('button', { name: value, exact: true }));
        await form.getByText(`Votre note : ${value}/5`).waitFor();
      }
      await shot(phone, `vote-${person.name.toLowerCase()}`);
    }

    // 4. Camille rewords stake 1; Dominique and Sacha support her wording.
    const reworded = 'Développer la télémédecine dans les maisons de santé';
    const stakeItem = (page: Page) => page.getByRole('listitem').filter({ has: page.getByRole('form', { name: 'Note de l’enjeu 1' }) });
    {
      const phone = people[0].page!;
      const item = stakeItem(phone);
      await drive.click(item.getByText(/^Reformulations proposées \(0\)/));
      await drive.fill(item.getByLabel('Votre reformulation'), reworded);
      await drive.click(item.getByRole('button', { name: 'Proposer' }));
      await item
        .getByRole('listitem')
        .filter({ hasText: reworded })
        .getByRole('button', { name: /^Soutenir \(\d+\)$/ })
        .waitFor();
      await shot(phone, 'reformulation-proposee');
    }
    for (const person of people.slice(1)) {
      const phone = person.page!;
      await phone.reload();
      const item = stakeItem(phone);
      await drive.click(item.getByText(/^Reformulations proposées \(1\)/));
      const support = item
        .getByRole('listitem')
        .filter({ hasText: reworded })
        .getByRole('button', { name: /^Soutenir \(\d+\)$/ });
      const before = Number(/\d+/.exec((await support.textContent()) ?? '')?.[0]);
      await drive.click(support);
      await item.getByRole('button', { name: `Soutenir (${before + 1})` }).waitFor();
    }
    await shot(people[2].page!, 'reformulation-soutenue');

    // 5. The facilitator adopts it: the stake's text changes everywhere.
    await facilitator.reload();
    const proposal = workshop
      .getByRole('listitem')
      .filter({ hasText: reworded })
      .filter({ has: facilitator.getByRole('button', { name: 'Adopter' }) });
    await expect(proposal.textContent()).resolves.toMatch(/\((2|3)\)/);
    await drive.click(proposal.getByRole('button', { name: 'Adopter' }));
    await workshop.getByRole('cell', { name: reworded }).first().waitFor();
    await shot(facilitator, 'reformulation-adoptee');

    // 6. Closes the vote: the phones stop offering it (live), the projector shows the results.
    await drive.click(workshop.getByRole('button', { name: 'Clore le vote' }));
    await workshop.getByRole('heading', { name: /Vote clos/ }).waitFor();
    for (const person of people) await person.page!.getByText("Aucun atelier n'est ouvert au vote pour le moment.").waitFor({ timeout: 20_000 });
    await shot(people[0].page!, 'vote-clos-telephone');
    await projector.reload();
    await projector
      .getByRole('cell', { name: /^\d(,\d+)?\/5$/ })
      .first()
      .waitFor();
    await shot(projector, 'projection-resultats');

    // 7. The minutes: CSV and HTML, with one score column per group and the adopted wording.
    await facilitator.goto(e2e.url(`/seminaires/${seminarId}`));
    await shot(facilitator, 'compte-rendu');
    const [csvDownload] = await Promise.all([facilitator.waitForEvent('download'), drive.click(facilitator.getByRole('link', { name: 'Télécharger (CSV)' }))]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    // Header first (after the BOM), `;` as in every CSV of the site, no Markdown markers.
    expect(
      csv.startsWith('\uFEFFAtelier;N°;Enjeux;Note attribuée (Groupe A);Note attribuée (Groupe B);Reformulation proposée;Ajouts de la reformulation\r\n'),
    ).toBe(true);
    expect(csv).not.toContain('**');
    // The stake keeps its original wording; the adopted one follows the scores.
    expect(csv).toMatch(/^[^;\r\n]+;1;Développer la télémédecine;4,5\/5;3\/5;.*dans les maisons de santé/m);
    expect(csv).toMatch(/;2;Ouvrir les données des services;2,5\/5;1\/5;/);
    const [htmlDownload] = await Promise.all([
      facilitator.waitForEvent('download'),
      drive.click(facilitator.getByRole('link', { name: 'Télécharger (HTML)' })),
    ]);
    const html = readFileSync((await htmlDownload.path())!, 'utf8');
    expect(html).toContain(title.replace(/'/g, '&#39;'));
    expect(html).toContain('<td class="score">4,5/5</td>');
    expect(html).toContain('dans les maisons de santé');

    for (const page of [facilitator, projector, ...people.map((p) => p.page!)]) await page.context().close();
    expect(drive.focusProblems).toEqual([]);
  }

  it('runs a two-group seminar with three participants, adopts a reformulation, closes the vote and downloads the minutes', async () => {
    await journey(mouse);
  }, 300_000);

  it('the same journey with the keyboard only', async () => {
    await journey(keyboard());
  }, 400_000);
});
