import { readFileSync } from 'node:fs';
import { describeE2E, startE2E, type E2E } from './harness';

describeE2E('seminar', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E('seminar');
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('a facilitator runs a workshop that a participant scores from a phone, then downloads the minutes', async () => {
    // Facilitator: creates the seminar, a group and a workshop with pasted stakes.
    const facilitator = await e2e.newPage();
    await e2e.login(facilitator, 'facilitator');
    await facilitator.goto(e2e.url('/seminaires'));
    await e2e.checkA11y(facilitator);
    await facilitator.getByLabel('Titre').fill('Atelier numérique de Massy');
    await facilitator.getByLabel('Date').fill('2025-06-12');
    await facilitator.getByRole('button', { name: 'Créer' }).click();
    await facilitator.waitForURL(/\/seminaires\/\d+\/animation/);
    const seminarId = /\/seminaires\/(\d+)\//.exec(facilitator.url())![1];

    await facilitator.getByLabel('Nom du groupe').fill('Groupe 1');
    await facilitator.getByRole('button', { name: 'Ajouter' }).first().click();
    await facilitator.getByText('Groupe 1 — 0 participant').waitFor();
    await facilitator.getByLabel("Titre de l'atelier").fill('Services aux citoyens');
    await facilitator.getByRole('button', { name: 'Ajouter' }).nth(1).click();
    await facilitator.getByRole('heading', { name: /Services aux citoyens — En préparation/ }).waitFor();
    await facilitator.getByLabel('Enjeux (un par ligne)').fill('Développer la télémédecine\n\nOuvrir les données des services');
    await facilitator.getByRole('button', { name: 'Ajouter' }).nth(2).click();
    await facilitator.getByRole('cell', { name: 'Ouvrir les données des services' }).waitFor();
    await facilitator.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await facilitator.getByRole('heading', { name: /Vote ouvert/ }).waitFor();
    await e2e.checkA11y(facilitator);
    await e2e.screenshot(facilitator, 'console-animation');
    // The code is for the seminar's facilitators: read it with the facilitator's session.
    const answer = await facilitator.request.post(e2e.url('/graphql'), {
      headers: { 'content-type': 'application/json' },
      data: { query: `query($id: ID!) { seminar(id: $id) { joinCode } }`, variables: { id: seminarId } },
    });
    const code: string = (await answer.json()).data.seminar.joinCode;

    // Participant on a phone: joins with the code, a name and a group, scores both stakes.
    const phone = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(e2e.url('/seminaires/rejoindre'));
    await phone.getByLabel('Code du séminaire').fill(code.toLowerCase());
    // Wait for the navigation the form makes, so a click during hydration cannot be lost.
    await Promise.all([phone.waitForURL(/code=/), phone.getByRole('button', { name: 'Continuer' }).click()]);
    await phone.getByLabel('Votre nom').fill('Camille');
    await phone.getByLabel('Groupe 1').check();
    await phone.getByRole('button', { name: 'Rejoindre' }).click();
    await phone.getByText('Vous participez en tant que Camille.').waitFor();
    await e2e.checkA11y(phone);
    await phone.getByRole('form', { name: 'Note de l’enjeu 1' }).getByRole('button', { name: '4,5' }).click();
    await phone.getByRole('form', { name: 'Note de l’enjeu 1' }).getByText('Votre note : 4,5/5').waitFor();
    await phone.getByRole('form', { name: 'Note de l’enjeu 2' }).getByRole('button', { name: '2', exact: true }).click();
    await phone.getByRole('form', { name: 'Note de l’enjeu 2' }).getByText('Votre note : 2/5').waitFor();
    await e2e.screenshot(phone, 'vote-telephone');

    // A new stake proposed from the phone, accepted by the facilitator as a "+" row.
    await phone.getByLabel('Proposer un nouvel enjeu').fill('Former les agents aux outils numériques');
    await phone.getByRole('button', { name: 'Proposer' }).last().click();
    await facilitator.reload();
    await facilitator.getByRole('button', { name: 'Retenir' }).click();
    await facilitator.getByRole('cell', { name: 'Former les agents aux outils numériques' }).waitFor();

    // Projector: the room's screen, not logged in — live results with the join code and a local QR code.
    // The facilitator's projector: the join code and its QR code are shown to facilitators only.
    const projector = await e2e.newPage();
    await e2e.login(projector, 'facilitator');
    await projector.goto(e2e.url(`/seminaires/${seminarId}/projection`));
    await projector.getByText(`code ${code}`).waitFor();
    await projector.locator('.qr svg').waitFor();
    await projector.getByRole('table').getByRole('cell', { name: '4,5/5' }).first().waitFor();
    await e2e.checkA11y(projector);
    await e2e.screenshot(projector, 'projection');

    // Close: the phone stops offering votes (live), the seminar page lists the results.
    await facilitator.getByRole('button', { name: 'Clore le vote' }).click();
    await facilitator.getByRole('heading', { name: /Vote clos/ }).waitFor();
    // The phone and the projector follow the workshop over graphql-ws: no reload.
    await phone.getByText("Aucun atelier n'est ouvert au vote pour le moment.").waitFor({ timeout: 15_000 });
    await projector.getByRole('heading', { name: /— Vote clos$/ }).waitFor({ timeout: 15_000 });
    // Reloading is the no-JavaScript path: same answer.
    await phone.reload();
    await phone.getByText("Aucun atelier n'est ouvert au vote pour le moment.").waitFor({ timeout: 15_000 });

    await facilitator.goto(e2e.url(`/seminaires/${seminarId}`));
    const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('link', { name: 'Télécharger (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Services aux citoyens');
    // One table a spreadsheet opens as is: BOM, header first, ";", the workshop on each row.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Services aux citoyens;1;Développer la télémédecine;4,5/5;');
    expect(csv).toContain('Services aux citoyens;2;Ouvrir les données des services;2/5;');
    expect(csv).toContain('Services aux citoyens;Ajout;Former les agents aux outils numériques;;');
    const [html] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('link', { name: 'Télécharger (HTML)' }).click()]);
    expect(readFileSync((await html.path())!, 'utf8')).toContain('<td class="score">4,5/5</td>');
  });
});
