import { DataSource } from 'typeorm';
import { Blocker } from '../src/blockers/blocker.entity';
import { BlockerEvent } from '../src/blockers/blocker-event.entity';
import { BlockersService } from '../src/blockers/blockers.service';
import { GqlClient, startTestServer, TestServer } from './harness';

const CREATE_PROJECT = `mutation($input: ProjectInput!) { createProject(input: $input) { id slug } }`;
const REPORT = `mutation($projectId: ID!, $input: BlockerInput!) { reportBlocker(projectId: $projectId, input: $input) { id revision } }`;
const EDIT = `mutation($id: ID!, $input: BlockerEditInput!, $baseRevision: Int!) {
  editBlocker(id: $id, input: $input, baseRevision: $baseRevision) {
    id category severity status description revision
    timeline { kind previousStatus status categoryBefore categoryAfter severityBefore severityAfter descriptionEdited previousDescription comment author { displayName } }
  }
}`;
const UPDATE = `mutation($id: ID!, $status: BlockerStatus!) { updateBlocker(id: $id, status: $status) { id status } }`;
const BLOCKER = `query($id: ID!) {
  blocker(id: $id) {
    category severity description descriptionHidden revision project { isBlocked }
    timeline { kind categoryBefore categoryAfter descriptionEdited previousDescription comment }
  }
}`;
const STATS = `query($theme: Theme) { blockerStats(departement: "91", theme: $theme) { total byCategory { category open } } }`;

type Client = GqlClient & { userId: string };
type Edit = { category?: string; severity?: string; description?: string };

// Server start and territory import take a few seconds on a shared, busy machine.
jest.setTimeout(60_000);

describe('editing a blocker (editBlocker)', () => {
  let server: TestServer;
  let db: DataSource;
  let evry: Client; // reporter, member of Évry-Courcouronnes (91228)
  let evryColleague: Client; // another member of the same territory
  let etampes: Client; // member of Étampes (91223)
  let facilitator: Client; // facilitator of Étampes: not a moderator
  let moderator: Client;
  let admin: Client;
  let anonymous: GqlClient;
  let counter = 0;

  async function reportBlocker(input: Record<string, unknown> = {}, themes = ['ONLINE_SERVICES']): Promise<{ id: string; projectId: string; slug: string }> {
    const { createProject: project } = await evry.ok(CREATE_PROJECT, {
      input: {
        title: `Projet freins modifiés ${++counter}`,
        summary: 'Un projet pour corriger des freins.',
        body: 'Texte.',
        themes,
        stage: 'IN_PROGRESS',
        territoryCode: '91228',
      },
    });
    const { reportBlocker: blocker } = await evry.ok(REPORT, {
      projectId: project.id,
      input: { category: 'FUNDING', severity: 'HINDERING', description: 'Pas de budget pour la maintenance.', ...input },
    });
    expect(blocker.revision).toBe(1);
    return { id: blocker.id, projectId: project.id, slug: project.slug };
  }

  const edit = (client: GqlClient, id: string, input: Edit, baseRevision = 1) => client.gql(EDIT, { id, input, baseRevision });
  const stored = (id: string) => db.getRepository(Blocker).findOneByOrFail({ id: Number(id) });
  const editEvents = (id: string) => db.getRepository(BlockerEvent).countBy({ blockerId: Number(id), descriptionEdited: true });

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    evry = await server.registerUser({ territoryCode: '91228' });
    evryColleague = await server.registerUser({ territoryCode: '91228' });
    etampes = await server.registerUser({ territoryCode: '91223' });
    facilitator = await server.userWithRole('FACILITATOR', '91223');
    moderator = await server.userWithRole('MODERATOR', '91');
    admin = await server.userWithRole('ADMIN', '91223');
    anonymous = server.client();
  });
  afterAll(() => server?.close());

  it('saves category, severity and description, records the edit in the timeline and keeps isBlocked and statistics in step', async () => {
    const { id } = await reportBlocker({}, ['AGRICULTURE']);
    const statsBefore = (await anonymous.ok(STATS, { theme: 'AGRICULTURE' })).blockerStats;
    const open = (s: { byCategory: { category: string; open: number }[] }, category: string) => s.byCategory.find((c) => c.category === category)!.open;

    const result = await edit(evry, id, {
      category: 'SKILLS_STAFF',
      severity: 'BLOCKING',
      description: '  Pas de budget ni de développeur pour la maintenance.  ',
    });
    expect(result.errors).toBeUndefined();
    const edited = result.data.editBlocker;
    expect(edited).toMatchObject({
      category: 'SKILLS_STAFF',
      severity: 'BLOCKING',
      status: 'OPEN',
      description: 'Pas de budget ni de développeur pour la maintenance.',
      revision: 2,
    });
    expect(edited.timeline).toHaveLength(2);
    expect(edited.timeline[0]).toMatchObject({ kind: 'REPORTED', previousStatus: null, descriptionEdited: false, categoryAfter: null });
    expect(edited.timeline[1]).toEqual({
      kind: 'EDITED',
      previousStatus: 'OPEN',
      status: 'OPEN',
      categoryBefore: 'FUNDING',
      categoryAfter: 'SKILLS_STAFF',
      severityBefore: 'HINDERING',
      severityAfter: 'BLOCKING',
      descriptionEdited: true,
      previousDescription: 'Pas de budget pour la maintenance.',
      comment: null,
      author: { displayName: expect.any(String) },
    });

    // Raising the severity to BLOCKING blocks the project; the category moved in the statistics.
    expect((await anonymous.ok(BLOCKER, { id })).blocker.project.isBlocked).toBe(true);
    const statsAfter = (await anonymous.ok(STATS, { theme: 'AGRICULTURE' })).blockerStats;
    expect(statsAfter.total).toBe(statsBefore.total);
    expect(open(statsAfter, 'FUNDING')).toBe(open(statsBefore, 'FUNDING') - 1);
    expect(open(statsAfter, 'SKILLS_STAFF')).toBe(open(statsBefore, 'SKILLS_STAFF') + 1);
    const csv = await (await fetch(`${server.url}/open-data/blockers.csv?departement=91&theme=AGRICULTURE`)).text();
    expect(csv).toContain(`91,,AGRICULTURE,SKILLS_STAFF,Compétences et RH (pas de développeurs en interne),${open(statsAfter, 'SKILLS_STAFF')},`);

    // Only what changed is recorded; lowering the severity unblocks the project.
    const lowered = (await evry.ok(EDIT, { id, input: { severity: 'HINDERING', category: 'SKILLS_STAFF' }, baseRevision: 2 })).editBlocker;
    expect(lowered.revision).toBe(3);
    expect(lowered.timeline[2]).toMatchObject({
      kind: 'EDITED',
      categoryBefore: null,
      categoryAfter: null,
      severityBefore: 'BLOCKING',
      severityAfter: 'HINDERING',
      descriptionEdited: false,
    });
    expect((await anonymous.ok(BLOCKER, { id })).blocker.project.isBlocked).toBe(false);
  });

  it('refuses a stale base with CONFLICT and the current values, overwriting nothing', async () => {
    const { id } = await reportBlocker();
    await evry.ok(EDIT, { id, input: { description: 'Pas de budget : le conseil municipal a refusé la ligne.' }, baseRevision: 1 });

    const stale = await edit(moderator, id, { severity: 'BLOCKING', description: 'Texte tapé depuis une page ouverte avant la correction.' });
    expect(stale.errors?.[0].extensions).toEqual({
      code: 'CONFLICT',
      reason: 'BLOCKER_REVISION_CONFLICT',
      params: { currentRevision: 2, baseRevision: 1 },
      currentRevision: 2,
      baseRevision: 1,
      current: { category: 'FUNDING', severity: 'HINDERING', description: 'Pas de budget : le conseil municipal a refusé la ligne.', status: 'OPEN' },
    });
    expect(stale.errors?.[0].message).toMatch(/Quelqu'un a modifié ce frein .*révision 2.*révision 1.*ni perdues/);
    expect(await stored(id)).toMatchObject({ severity: 'HINDERING', description: 'Pas de budget : le conseil municipal a refusé la ligne.', revision: 2 });
    expect(await editEvents(id)).toBe(1);

    // Starting again from the revision now seen succeeds.
    const retried = await moderator.ok(EDIT, { id, input: { severity: 'BLOCKING' }, baseRevision: 2 });
    expect(retried.editBlocker).toMatchObject({ severity: 'BLOCKING', revision: 3 });
  });

  it('lets exactly one of two simultaneous edits from the same revision win', async () => {
    const { id } = await reportBlocker();
    const results = await Promise.all([
      edit(evry, id, { description: 'Première correction envoyée en même temps.' }),
      edit(evryColleague, id, { description: 'Seconde correction envoyée en même temps.' }),
    ]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors?.[0].extensions?.code)).toEqual(['CONFLICT']);
    const saved = await stored(id);
    expect(saved.revision).toBe(2);
    expect(saved.description).toBe(winners[0].data.editBlocker.description);
    expect(losers[0].errors?.[0].extensions?.current).toMatchObject({ description: saved.description });
    expect(await editEvents(id)).toBe(1);
  });

  it('refuses with CONFLICT when another edit commits between the check and the write (conditional UPDATE)', async () => {
    const { id } = await reportBlocker();
    const readBeforeTheOtherEdit = await stored(id);
    await evry.ok(EDIT, { id, input: { description: 'Correction enregistrée entre-temps par une collègue.' }, baseRevision: 1 });
    // This edit read the blocker before the other one committed: its check passes, only the UPDATE can catch it.
    const findById = jest.spyOn(server.app.get(BlockersService), 'findById').mockResolvedValueOnce(readBeforeTheOtherEdit);
    try {
      const late = await edit(evryColleague, id, { description: 'Correction partie de la révision 1.' });
      expect(late.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        currentRevision: 2,
        baseRevision: 1,
        current: { description: 'Correction enregistrée entre-temps par une collègue.' },
      });
      expect(findById).toHaveBeenCalledTimes(1);
    } finally {
      findById.mockRestore();
    }
    expect(await stored(id)).toMatchObject({ revision: 2, description: 'Correction enregistrée entre-temps par une collègue.' });
    expect(await editEvents(id)).toBe(1);
  });

  it('does not count status changes as edits: the revision stays, and closed blockers can still be corrected', async () => {
    const { id } = await reportBlocker();
    await evry.ok(UPDATE, { id, status: 'ABANDONED' });
    const corrected = (await evry.ok(EDIT, { id, input: { category: 'GOVERNANCE' }, baseRevision: 1 })).editBlocker;
    expect(corrected).toMatchObject({ category: 'GOVERNANCE', status: 'ABANDONED', revision: 2 });
    expect(corrected.timeline.map((e: { kind: string }) => e.kind)).toEqual(['REPORTED', 'STATUS_CHANGED', 'EDITED']);
    expect(corrected.timeline[2]).toMatchObject({ previousStatus: 'ABANDONED', status: 'ABANDONED' });
  });

  it('lets territory members, moderators and admins edit; refuses anonymous visitors and others in French', async () => {
    const { id } = await reportBlocker();
    const anon = await edit(anonymous, id, { severity: 'BLOCKING' });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anon.errors?.[0].message).toMatch(/connecté/);
    for (const outsider of [etampes, facilitator]) {
      const refused = await edit(outsider, id, { severity: 'BLOCKING' });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toBe('Seuls les membres du territoire du projet et les modérateurs peuvent modifier ce frein.');
      expect(refused.errors?.[0].extensions?.current).toBeUndefined();
    }
    expect(await stored(id)).toMatchObject({ severity: 'HINDERING', revision: 1 });

    let revision = 1;
    for (const [allowed, description] of [
      [evryColleague, 'Corrigé par une collègue du territoire.'],
      [moderator, 'Corrigé par la modération départementale.'],
      [admin, 'Corrigé par un administrateur de la plateforme.'],
    ] as const) {
      const result = await allowed.ok(EDIT, { id, input: { description }, baseRevision: revision });
      expect(result.editBlocker).toMatchObject({ description, revision: ++revision });
    }
    expect(await editEvents(id)).toBe(3);
  });

  it('validates like reporting, with BAD_USER_INPUT and French messages', async () => {
    const { id } = await reportBlocker();
    const expectBadInput = async (result: Promise<{ errors?: { message: string; extensions?: { code?: string } }[] }>, message: RegExp) => {
      const { errors } = await result;
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toMatch(message);
    };
    await expectBadInput(edit(evry, id, { description: '  court   ' }), /entre 10 et 4000 caractères/);
    await expectBadInput(edit(evry, id, { description: 'x'.repeat(4001) }), /entre 10 et 4000 caractères/);
    await expectBadInput(edit(evry, id, { category: 'WEATHER' }), /WEATHER/);
    await expectBadInput(edit(evry, id, { description: 'Une description valide.' }, 0), /Révision de départ invalide/);
    await expectBadInput(edit(evry, id, {}), /Rien à enregistrer/);
    await expectBadInput(
      edit(evry, id, { category: 'FUNDING', severity: 'HINDERING', description: ' Pas de budget pour la maintenance. ' }),
      /Rien à enregistrer/,
    );
    await expectBadInput(evry.gql(EDIT, { id: 'abc', input: { severity: 'BLOCKING' }, baseRevision: 1 }), /Identifiant de frein invalide/);
    const missing = await evry.gql(EDIT, { id: '999999', input: { severity: 'BLOCKING' }, baseRevision: 1 });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].message).toBe('Frein introuvable.');
    expect(await stored(id)).toMatchObject({ revision: 1, description: 'Pas de budget pour la maintenance.' });
    expect(await editEvents(id)).toBe(0);
  });

  it('keeps a confidential description hidden from outsiders after an edit, in the timeline and the CSV', async () => {
    const secret = 'Faille du logiciel de téléconsultation (détails internes).';
    const { id } = await reportBlocker({ confidential: true, description: secret, category: 'DATA_PRIVACY_SECURITY' }, ['HEALTH_TELEMEDICINE']);
    const rewritten = 'Faille corrigée partiellement, le correctif complet attend le prestataire.';
    await evry.ok(EDIT, { id, input: { description: rewritten, category: 'VENDOR_DEPENDENCY' }, baseRevision: 1 });

    for (const outsider of [anonymous, etampes]) {
      const seen = (await outsider.ok(BLOCKER, { id })).blocker;
      expect(seen).toMatchObject({ descriptionHidden: true, category: 'VENDOR_DEPENDENCY', description: expect.stringMatching(/^Description confidentielle/) });
      expect(seen.timeline[1]).toMatchObject({
        kind: 'EDITED',
        descriptionEdited: true,
        categoryBefore: 'DATA_PRIVACY_SECURITY',
        categoryAfter: 'VENDOR_DEPENDENCY',
      });
      expect(JSON.stringify(seen)).not.toMatch(/Faille/);
    }
    const insider = (await moderator.ok(BLOCKER, { id })).blocker;
    expect(insider).toMatchObject({ descriptionHidden: false, description: rewritten });
    // Nothing is erased by an edit: those who may read the description also read what it replaced.
    expect(insider.timeline[1]).toMatchObject({ kind: 'EDITED', previousDescription: secret });

    const csv = await (await fetch(`${server.url}/open-data/blockers.csv?departement=91&theme=HEALTH_TELEMEDICINE`)).text();
    expect(csv).toContain('91,,HEALTH_TELEMEDICINE,VENDOR_DEPENDENCY,Dépendance aux prestataires et logiciels propriétaires,1,0,0,0,');
    expect(csv).toContain('91,,HEALTH_TELEMEDICINE,DATA_PRIVACY_SECURITY,"Données, RGPD et sécurité",0,0,0,0,');
    expect(csv).not.toMatch(/Faille/);
  });
});
