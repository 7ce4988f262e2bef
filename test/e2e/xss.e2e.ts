import type { Page } from 'playwright-core';
import { describeE2E, startE2E, type E2E } from './harness';

/**
 * Stored XSS: hostile payloads saved through the public GraphQL API in every Markdown field
 * and every name, then rendered by the real pages in Chromium. The pages are opened with the
 * Content-Security-Policy bypassed, so this checks the escaping and the Markdown sanitizer
 * themselves (the CSP is a second wall, not the one under test). Each page must show the
 * field's marker (so the field really is rendered), fire no dialog, leave the payloads' global
 * flag unset and contain no injected element (event-handler attribute, iframe, javascript: URL,
 * payload script).
 */
const FLAG = '__essaimXss';

/** Markdown/HTML payload: every vector of the brief, tagged so a hit says which field leaked. */
function markdownPayload(marker: string): string {
  const hit = `window.${FLAG}='${marker}'`;
  return [
    `${marker} texte`,
    `<script>${hit};alert('${marker}')</script>`,
    `<img src=x onerror="${hit};alert(1)">`,
    `[lien-${marker}](javascript:${hit})`,
    `<svg onload="${hit}"><circle r="1"/></svg>`,
    `<iframe src="javascript:parent.${FLAG}='${marker}'"></iframe>`,
    `<a href="javascript:${hit}">a-${marker}</a> <div onmouseover="${hit}">survol</div>`,
  ].join('\n\n');
}

/** Short payloads for names and titles (length limits): the strongest first. */
function namePayloads(marker: string): string[] {
  return [
    `${marker} <img src=x onerror=alert(1)><svg onload=alert(1)>`,
    `${marker} <script>alert(1)</script>`,
    // Names that refuse < and >: attribute break-out, entities and a javascript: "link".
    `${marker} "' onfocus=alert(1) &lt;img src=x onerror=alert(1)&gt; javascript:alert(1)`,
    `${marker} javascript:alert(1)`,
  ];
}

/** The Markdown payload without links, for accounts too new to post them (anti-spam). */
function withoutLinks(marker: string): string {
  return markdownPayload(marker)
    .split('\n\n')
    .filter((part) => !/javascript:/.test(part) || part.startsWith('<iframe'))
    .join('\n\n')
    .replace(/<iframe[^>]*><\/iframe>/, '<iframe srcdoc="x"></iframe>');
}

/** Moderation reasons (3 to 500 characters): every vector on one line, compact, then the name payloads. */
function reasonPayloads(marker: string): string[] {
  const hit = `window.${FLAG}='${marker}'`;
  const compact = `${marker} <script>${hit}</script><img src=x onerror="${hit}"><svg onload="${hit}"></svg>[l](javascript:${hit})<iframe src="javascript:parent.${hit}"></iframe><a href="javascript:${hit}">a</a>`;
  return [compact, ...namePayloads(marker)];
}

interface GqlResult {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describeE2E('xss', () => {
  let e2e: E2E;
  const dialogs: string[] = [];
  /** Fields the API refused outright (BAD_USER_INPUT on every candidate): safe, listed in the output. */
  const refused: string[] = [];
  let agent: Page;
  let facilitator: Page;
  let writer: Page;
  let participant: Page;
  let moderator: Page;
  const ids: Record<string, string> = {};
  /** Fields whose payload was stored; markers that a page must then show. */
  const stored = new Set<string>();

  async function gqlIn(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
    const response = await page.request.post(e2e.url('/graphql'), { headers: { 'content-type': 'application/json' }, data: { query, variables } });
    return (await response.json()) as GqlResult;
  }

  async function must(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const result = await gqlIn(page, query, variables);
    if (result.errors?.length) throw new Error(`${query.slice(0, 80)} → ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /**
   * Stores a name/title with the first candidate the API accepts. A field that refuses every
   * candidate with BAD_USER_INPUT is safe by validation; any other error fails the test.
   */
  async function storeName(field: string, candidates: string[], write: (value: string) => Promise<GqlResult>): Promise<any> {
    for (const value of candidates) {
      const result = await write(value);
      if (!result.errors?.length) {
        stored.add(field);
        return result.data;
      }
      const code = result.errors[0].extensions?.code;
      if (code !== 'BAD_USER_INPUT') throw new Error(`${field}: ${JSON.stringify(result.errors)}`);
    }
    refused.push(field);
    return null;
  }

  /**
   * The first form login after the server starts sometimes never leaves /connexion on this loaded
   * machine (seen in several files); say what the page showed and try once more.
   */
  async function login(page: Page, account: 'agent' | 'facilitator' | 'moderator' | 'member'): Promise<void> {
    try {
      await e2e.login(page, account);
    } catch {
      const alert = await page
        .getByRole('alert')
        .allTextContents()
        .catch(() => []);
      console.warn(`[e2e xss] login as ${account} did not leave ${page.url()} (alerts: ${JSON.stringify(alert)}); retrying once.`);
      await e2e.login(page, account);
    }
  }

  function watchDialogs(page: Page): void {
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.type()} “${dialog.message()}”`);
      void dialog.dismiss().catch(() => undefined);
    });
  }

  async function newWatchedPage(): Promise<Page> {
    const page = await e2e.newPage({ bypassCSP: true });
    watchDialogs(page);
    return page;
  }

  /** What a successful injection would leave in the DOM. */
  async function injected(page: Page): Promise<string[]> {
    return page.evaluate((flag) => {
      const found: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}">`);
      }
      for (const el of document.querySelectorAll('iframe, object, embed, frame')) found.push(`<${el.tagName.toLowerCase()}>`);
      for (const el of document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')) {
        for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
          const value = el.getAttribute(name);
          if (value && /^\s*(javascript|vbscript|data:text\/html)/i.test(value)) found.push(`<${el.tagName.toLowerCase()} ${name}="${value.slice(0, 60)}">`);
        }
      }
      for (const script of document.querySelectorAll('script')) {
        const text = (script.textContent ?? '').trim();
        if (text.startsWith(`window.${flag}`) || text.startsWith('alert(')) found.push(`<script>${text.slice(0, 60)}</script>`);
      }
      return found;
    }, FLAG);
  }

  /** Opens `path`, waits for it to settle, then asserts: markers shown, no flag, no dialog, nothing injected. */
  async function expectInert(page: Page, path: string | null, markers: string[], label: string): Promise<void> {
    if (path !== null) {
      const response = await page.goto(e2e.url(path));
      expect({ label, status: response?.status() }).toEqual({ label, status: 200 });
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => document.body.innerText);
    const shown = markers.filter((m) => stored.has(m)).filter((m) => !text.includes(m));
    expect({ label, markersNotRendered: shown }).toEqual({ label, markersNotRendered: [] });
    expect({ label, flag: await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag] ?? null, FLAG) }).toEqual({ label, flag: null });
    expect({ label, injected: await injected(page) }).toEqual({ label, injected: [] });
    expect({ label, dialogs }).toEqual({ label, dialogs: [] });
    await e2e.screenshot(page, label);
  }

  beforeAll(async () => {
    e2e = await startE2E('xss', { env: { RATE_LIMIT_REGISTER_PER_HOUR: '1000' } });
    // Let the start-up work (demo seed indexing) finish before the first login.
    for (let i = 0; i < 200; i++) {
      const r = await e2e.graphql(`{ search(q: "teleconsultation", types: [PROJECT]) { total } }`);
      if ((r.data?.search.total ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    agent = await e2e.newPage({ bypassCSP: true });
    watchDialogs(agent);
    await login(agent, 'agent');
    facilitator = await e2e.newPage({ bypassCSP: true });
    watchDialogs(facilitator);
    await login(facilitator, 'facilitator');

    // A new member whose display name is hostile (the API refuses < and >: break-out attempts instead).
    writer = await e2e.newPage({ bypassCSP: true });
    watchDialogs(writer);
    await storeName('XSSdisplayname', namePayloads('XSSdisplayname'), (displayName) =>
      gqlIn(writer, `mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
        input: { email: `xss-${Date.now()}@exemple.fr`, password: 'un-mot-de-passe-solide-2025', displayName, territoryCode: '91228' },
      }),
    );
    if (!stored.has('XSSdisplayname')) await login(writer, 'member');

    // Project sheet: every Markdown field and every name, then an edit with a hostile comment (history, diff).
    const sections = {
      prerequisites: markdownPayload('XSSprerequisites'),
      partners: markdownPayload('XSSpartners'),
      pitfalls: markdownPayload('XSSpitfalls'),
      results: markdownPayload('XSSresults'),
      duration: namePayloads('XSSduration')[0],
      contact: namePayloads('XSScontact')[0],
      vendors: [{ name: namePayloads('XSSvendor')[0], openSource: true, licence: namePayloads('XSSlicence')[0], role: namePayloads('XSSrole')[0] }],
    };
    const projectInput = (title: string) => ({
      title,
      summary: namePayloads('XSSsummary')[0],
      body: markdownPayload('XSSprojectbody'),
      themes: ['HEALTH_TELEMEDICINE'],
      stage: 'STUDY',
      territoryCode: '91223',
      budgetEuros: 1000,
      sections,
    });
    const created = await storeName('XSSprojecttitle', namePayloads('XSSprojecttitle'), (title) =>
      gqlIn(agent, `mutation($input: ProjectInput!) { createProject(input: $input) { id slug revision } }`, { input: projectInput(title) }),
    );
    if (!created) throw new Error('createProject refused every title candidate: cannot check the project page.');
    for (const f of [
      'XSSsummary',
      'XSSprojectbody',
      'XSSprerequisites',
      'XSSpartners',
      'XSSpitfalls',
      'XSSresults',
      'XSSduration',
      'XSScontact',
      'XSSvendor',
      'XSSlicence',
      'XSSrole',
    ])
      stored.add(f);
    ids.projectId = created.createProject.id;
    ids.projectSlug = created.createProject.slug;
    const edited = {
      ...projectInput((await must(agent, `query($slug: String!) { project(slug: $slug) { title } }`, { slug: ids.projectSlug })).project.title),
      body: `${markdownPayload('XSSprojectbody')}\n\n${markdownPayload('XSSbodyedit')}`,
    };
    await storeName('XSSrevisioncomment', namePayloads('XSSrevisioncomment'), (comment) =>
      gqlIn(
        agent,
        `mutation($id: ID!, $input: ProjectInput!, $comment: String) { updateProject(id: $id, baseRevision: 1, input: $input, comment: $comment) { revision } }`,
        { id: ids.projectId, input: edited, comment },
      ),
    );
    stored.add('XSSbodyedit');

    // Blocker on that project: description, then a status change with comment and resolution.
    const blocker = await must(agent, `mutation($projectId: ID!, $input: BlockerInput!) { reportBlocker(projectId: $projectId, input: $input) { id } }`, {
      projectId: ids.projectId,
      input: { category: 'SKILLS_STAFF', severity: 'BLOCKING', description: markdownPayload('XSSblockerdescription') },
    });
    stored.add('XSSblockerdescription');
    ids.blockerId = blocker.reportBlocker.id;
    await must(
      agent,
      `mutation($id: ID!, $resolution: String, $comment: String) { updateBlocker(id: $id, status: LIFTED, resolution: $resolution, comment: $comment) { id } }`,
      {
        id: ids.blockerId,
        resolution: markdownPayload('XSSresolution'),
        comment: markdownPayload('XSSblockercomment'),
      },
    );
    stored.add('XSSresolution');
    stored.add('XSSblockercomment');

    // Wiki page and forum thread by the hostile-named member.
    const page = await storeName('XSSpagetitle', namePayloads('XSSpagetitle'), (title) =>
      gqlIn(writer, `mutation($input: PageInput!) { createPage(input: $input) { id slug } }`, { input: { title, body: markdownPayload('XSSpagebody') } }),
    );
    if (!page) throw new Error('createPage refused every title candidate.');
    stored.add('XSSpagebody');
    ids.pageSlug = page.createPage.slug;
    // New accounts may not post links in the forum (anti-spam): the moderator opens the thread with
    // every vector; the hostile-named member replies without links (its name shows on the thread).
    moderator = await e2e.newPage({ bypassCSP: true });
    watchDialogs(moderator);
    await login(moderator, 'moderator');
    const categories = await must(moderator, `{ categories { id slug } }`);
    ids.categorySlug = categories.categories[0].slug;
    const thread = await storeName('XSSthreadtitle', namePayloads('XSSthreadtitle'), (title) =>
      gqlIn(moderator, `mutation($input: ThreadInput!) { createThread(input: $input) { id } }`, {
        input: { categoryId: categories.categories[0].id, title, body: markdownPayload('XSSpostbody'), projectId: ids.projectId },
      }),
    );
    if (!thread) throw new Error('createThread refused every title candidate.');
    stored.add('XSSpostbody');
    ids.threadId = thread.createThread.id;
    // The member's reply notifies the thread's author (notification text).
    await must(writer, `mutation($threadId: ID!, $body: String!) { reply(threadId: $threadId, body: $body) { id } }`, {
      threadId: ids.threadId,
      body: withoutLinks('XSSreplybody'),
    });
    stored.add('XSSreplybody');

    // Seminar: title, place, group, workshop, stakes; a participant's name, reformulation (adopted) and proposal.
    const seminar = await storeName('XSSseminartitle', namePayloads('XSSseminartitle'), (title) =>
      gqlIn(facilitator, `mutation($input: SeminarInput!) { createSeminar(input: $input) { id joinCode } }`, {
        input: { title, date: '2025-06-12T09:00:00.000Z', place: namePayloads('XSSplace')[0] },
      }),
    );
    if (!seminar) throw new Error('createSeminar refused every title candidate.');
    stored.add('XSSplace');
    ids.seminarId = seminar.createSeminar.id;
    ids.joinCode = seminar.createSeminar.joinCode;
    const group = await storeName('XSSgroupname', namePayloads('XSSgroupname'), (name) =>
      gqlIn(facilitator, `mutation($id: ID!, $name: String!) { addGroup(seminarId: $id, name: $name) { id } }`, { id: ids.seminarId, name }),
    );
    if (!group) throw new Error('addGroup refused every name candidate.');
    const workshop = await storeName('XSSworkshoptitle', namePayloads('XSSworkshoptitle'), (title) =>
      gqlIn(facilitator, `mutation($id: ID!, $title: String!) { addWorkshop(seminarId: $id, title: $title) { id } }`, { id: ids.seminarId, title }),
    );
    if (!workshop) throw new Error('addWorkshop refused every title candidate.');
    ids.workshopId = workshop.addWorkshop.id;
    const stakes = await storeName('XSSstake', [markdownPayload('XSSstake').replace(/\n+/g, ' '), ...namePayloads('XSSstake')], (text) =>
      gqlIn(facilitator, `mutation($id: ID!, $texts: [String!]!) { addStakes(workshopId: $id, texts: $texts) { id } }`, {
        id: ids.workshopId,
        texts: [text, 'Enjeu ordinaire'],
      }),
    );
    if (!stakes) throw new Error('addStakes refused every candidate.');
    await must(facilitator, `mutation($id: ID!) { setWorkshopState(workshopId: $id, state: OPEN) { state } }`, { id: ids.workshopId });
    await must(facilitator, `mutation($id: ID!) { setResultsVisibility(workshopId: $id, visibility: LIVE) { id } }`, { id: ids.workshopId });

    participant = await e2e.newPage({ bypassCSP: true });
    watchDialogs(participant);
    await storeName('XSSparticipant', namePayloads('XSSparticipant'), (displayName) =>
      gqlIn(participant, `mutation($code: String!, $name: String!, $group: ID!) { joinSeminar(joinCode: $code, displayName: $name, groupId: $group) { id } }`, {
        code: ids.joinCode,
        name: displayName,
        group: group.addGroup.id,
      }),
    );
    if (!stored.has('XSSparticipant')) {
      await must(participant, `mutation($code: String!, $group: ID!) { joinSeminar(joinCode: $code, displayName: "Participante", groupId: $group) { id } }`, {
        code: ids.joinCode,
        group: group.addGroup.id,
      });
    }
    const stakeIds: string[] = stakes.addStakes.map((s: { id: string }) => s.id);
    await must(participant, `mutation($id: ID!) { castScore(stakeId: $id, value: 4.5) { value } }`, { id: stakeIds[0] });
    const reformulation = await storeName(
      'XSSreformulation',
      [markdownPayload('XSSreformulation').replace(/\n+/g, ' '), ...namePayloads('XSSreformulation')],
      (text) => gqlIn(participant, `mutation($id: ID!, $text: String!) { proposeReformulation(stakeId: $id, text: $text) { id } }`, { id: stakeIds[1], text }),
    );
    // A second one stays pending (shown in the console and the participant's list); the first is adopted.
    await storeName('XSSpendingreformulation', namePayloads('XSSpendingreformulation'), (text) =>
      gqlIn(participant, `mutation($id: ID!, $text: String!) { proposeReformulation(stakeId: $id, text: $text) { id } }`, { id: stakeIds[0], text }),
    );
    if (reformulation) await must(facilitator, `mutation($id: ID!) { adoptReformulation(id: $id) { id } }`, { id: reformulation.proposeReformulation.id });
    await storeName('XSSproposedstake', namePayloads('XSSproposedstake'), (text) =>
      gqlIn(participant, `mutation($id: ID!, $text: String!) { proposeStake(workshopId: $id, text: $text) { id } }`, { id: ids.workshopId, text }),
    );

    // Wait for the search index to hold the sheet (the results page renders highlighted snippets).
    for (let i = 0; i < 150; i++) {
      const r = await e2e.graphql(`{ search(q: "XSSprojectbody", types: [PROJECT]) { total } }`);
      if ((r.data?.search.total ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    if (refused.length) console.log(`[e2e xss] refused by validation (safe): ${refused.join(', ')}`);
    await e2e?.stop();
  });

  it('project page: title, summary, body, replication sections, vendors, blocker', async () => {
    const page = await newWatchedPage();
    await expectInert(
      page,
      `/projets/${ids.projectSlug}`,
      [
        'XSSprojecttitle',
        'XSSsummary',
        'XSSprojectbody',
        'XSSbodyedit',
        'XSSprerequisites',
        'XSSpartners',
        'XSSpitfalls',
        'XSSresults',
        'XSSduration',
        'XSScontact',
        'XSSvendor',
        'XSSlicence',
        'XSSrole',
      ],
      'projet',
    );
  });

  it('project list and territory page', async () => {
    const page = await newWatchedPage();
    await expectInert(page, '/projets', ['XSSprojecttitle'], 'liste-projets');
    await expectInert(page, '/territoires/91223', ['XSSprojecttitle'], 'territoire');
  });

  it('project history and diff (revision comment, changed body)', async () => {
    const page = await newWatchedPage();
    await expectInert(page, `/projets/${ids.projectSlug}/historique?de=1&a=2`, ['XSSrevisioncomment', 'XSSbodyedit'], 'historique-diff');
  });

  it('project editor with the live Markdown preview (its author)', async () => {
    await expectInert(agent, `/projets/${ids.projectSlug}/modifier`, ['XSSprojecttitle'], 'editeur');
    const body = agent.getByLabel('Description (Markdown)');
    await body.fill(markdownPayload('XSSpreview'));
    stored.add('XSSpreview');
    await agent.waitForFunction(() => document.body.innerText.includes('XSSpreview texte'), undefined, { timeout: 15_000 });
    await expectInert(agent, null, ['XSSpreview'], 'editeur-apercu');
  });

  it('search results and header suggestions', async () => {
    const page = await newWatchedPage();
    await expectInert(page, '/recherche?q=XSSprojectbody', ['XSSprojecttitle', 'XSSprojectbody'], 'recherche');
    const box = page.getByRole('combobox', { name: 'Rechercher dans Essaim' });
    await box.fill('');
    await box.pressSequentially('XSSprojecttitle', { delay: 20 });
    await page.getByRole('option').first().waitFor();
    await expectInert(page, null, ['XSSprojecttitle'], 'suggestions');
  });

  it('wiki page and its history', async () => {
    const page = await newWatchedPage();
    await expectInert(page, `/pages/${ids.pageSlug}`, ['XSSpagetitle', 'XSSpagebody'], 'page-wiki');
    await expectInert(page, `/pages/${ids.pageSlug}/historique`, ['XSSpagetitle', 'XSSdisplayname'], 'page-wiki-historique');
  });

  it('forum thread, category list, project discussion and the notification', async () => {
    const page = await newWatchedPage();
    await expectInert(page, `/forum/sujet/${ids.threadId}`, ['XSSthreadtitle', 'XSSpostbody', 'XSSreplybody', 'XSSdisplayname'], 'sujet');
    await expectInert(page, `/forum/${ids.categorySlug}`, ['XSSthreadtitle'], 'categorie');
    await expectInert(page, `/forum/projet/${ids.projectSlug}`, ['XSSthreadtitle', 'XSSpostbody'], 'discussion-projet');
    // The reply form's server-rendered preview.
    await writer.goto(e2e.url(`/forum/sujet/${ids.threadId}`));
    await writer.getByLabel('Votre message (Markdown)').fill(markdownPayload('XSSforumpreview'));
    stored.add('XSSforumpreview');
    await writer.getByRole('button', { name: 'Aperçu' }).click();
    await writer.getByRole('heading', { name: 'Aperçu de votre message' }).waitFor();
    await expectInert(writer, null, ['XSSforumpreview'], 'apercu-forum');
    await expectInert(moderator, '/notifications', [], 'notifications');
    await expectInert(writer, '/compte', ['XSSdisplayname'], 'compte');
  });

  it('forum moderation: flag queue (post excerpts, reporters, flag reasons) and moderation log (hide reasons)', async () => {
    // A thread of its own: hiding a post here leaves the other forum pages as they were.
    const { categories } = await must(moderator, `{ categories { id } }`);
    const created = await storeName('XSSmodthreadtitle', namePayloads('XSSmodthreadtitle'), (title) =>
      gqlIn(moderator, `mutation($input: ThreadInput!) { createThread(input: $input) { id firstPost { id } } }`, {
        input: { categoryId: categories[0].id, title, body: markdownPayload('XSSflaggedbody') },
      }),
    );
    if (!created) throw new Error('createThread refused every title candidate.');
    stored.add('XSSflaggedbody');
    const threadId: string = created.createThread.id;
    const reply = await must(writer, `mutation($threadId: ID!, $body: String!) { reply(threadId: $threadId, body: $body) { id } }`, {
      threadId,
      body: withoutLinks('XSShiddenbody'),
    });
    stored.add('XSShiddenbody');
    const flag = (page: Page, postId: string) => (reason: string) =>
      gqlIn(page, `mutation($postId: ID!, $reason: String!) { flagPost(postId: $postId, reason: $reason) }`, { postId, reason });
    // The hostile-named member reports the first post (an open flag); the agent reports the reply, which is then hidden.
    await storeName('XSSflagreason', reasonPayloads('XSSflagreason'), flag(writer, created.createThread.firstPost.id));
    await storeName('XSSactedflagreason', reasonPayloads('XSSactedflagreason'), flag(agent, reply.reply.id));
    await storeName('XSShidereason', reasonPayloads('XSShidereason'), (reason) =>
      gqlIn(moderator, `mutation($id: ID!, $reason: String!) { hidePost(id: $id, reason: $reason) { id } }`, { id: reply.reply.id, reason }),
    );

    await expectInert(moderator, '/forum/moderation', ['XSSmodthreadtitle', 'XSSflaggedbody', 'XSSflagreason', 'XSSdisplayname'], 'moderation-file');
    await expectInert(
      moderator,
      '/forum/moderation?statut=tous',
      ['XSSmodthreadtitle', 'XSShiddenbody', 'XSSactedflagreason', 'XSShidereason', 'XSSdisplayname'],
      'moderation-tous',
    );
    await expectInert(moderator, '/forum/moderation/journal', ['XSSmodthreadtitle', 'XSShidereason'], 'moderation-journal');
    await expectInert(moderator, `/forum/moderation/journal?sujet=${threadId}`, ['XSSmodthreadtitle', 'XSShidereason'], 'moderation-journal-sujet');
    // Everyone else sees the hide reason in place of the post.
    const page = await newWatchedPage();
    await expectInert(page, `/forum/sujet/${threadId}`, ['XSSmodthreadtitle', 'XSSflaggedbody', 'XSShidereason'], 'sujet-message-masque');
  });

  it('blocker page and the département view', async () => {
    await expectInert(agent, `/freins/${ids.blockerId}`, ['XSSblockerdescription', 'XSSresolution', 'XSSprojecttitle'], 'frein');
    const page = await newWatchedPage();
    await expectInert(page, '/freins', [], 'freins');
  });

  it('seminar: participant screen, facilitator console, projector, minutes page and downloaded HTML minutes', async () => {
    await expectInert(
      participant,
      `/seminaires/rejoindre?code=${encodeURIComponent(ids.joinCode)}`,
      ['XSSseminartitle', 'XSSworkshoptitle', 'XSSstake', 'XSSreformulation', 'XSSparticipant'],
      'participant',
    );
    await participant.locator('main details summary').first().click();
    await expectInert(participant, null, ['XSSpendingreformulation'], 'participant-reformulations');
    await expectInert(
      facilitator,
      `/seminaires/${ids.seminarId}/animation`,
      ['XSSseminartitle', 'XSSgroupname', 'XSSworkshoptitle', 'XSSstake', 'XSSreformulation', 'XSSpendingreformulation', 'XSSproposedstake'],
      'console',
    );
    await expectInert(facilitator, `/seminaires/${ids.seminarId}/projection`, ['XSSseminartitle', 'XSSworkshoptitle', 'XSSreformulation'], 'projection');
    await expectInert(facilitator, `/seminaires/${ids.seminarId}`, ['XSSseminartitle', 'XSSworkshoptitle', 'XSSreformulation'], 'compte-rendu');
    await expectInert(facilitator, '/seminaires', ['XSSseminartitle'], 'liste-seminaires');

    // The HTML minutes are a file people open locally: render it as a document of its own.
    const minutes = await must(facilitator, `query($id: ID!) { minutes(seminarId: $id, format: HTML) }`, { id: ids.seminarId });
    const file = await newWatchedPage();
    await file.setContent(minutes.minutes, { waitUntil: 'load' });
    await expectInert(file, null, ['XSSseminartitle', 'XSSworkshoptitle', 'XSSreformulation'], 'compte-rendu-html');
  });
});
