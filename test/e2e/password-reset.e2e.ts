import { linkIn, SmtpSink, startSmtpSink } from '../../apps/api/test/smtp-sink';
import { describeE2E, startE2E, type E2E } from './harness';

describeE2E('password-reset', () => {
  let e2e: E2E;
  let sink: SmtpSink;
  const email = `oubli.${Date.now().toString(36)}@example.fr`;

  beforeAll(async () => {
    // A real SMTP server: the journey reads the e-mail the way a person would.
    sink = await startSmtpSink();
    e2e = await startE2E('password-reset', { env: { SMTP_URL: sink.url } });
    const registered = await e2e.graphql(`mutation($input: RegisterInput!) { register(input: $input) { id } }`, {
      input: { email, password: 'mon ancien mot de passe', displayName: 'Odile Oubli' },
    });
    expect(registered.errors).toBeUndefined();
  });
  afterAll(async () => {
    await e2e?.stop();
    await sink?.stop();
  });

  it('mot de passe oublié → the e-mail → a new password → logged in', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/connexion'));
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.waitForURL('**/mot-de-passe/oublie');
    await e2e.checkA11y(page, 'forgot-password');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Si un compte existe avec l’adresse ${email}` })
      .waitFor();
    await e2e.screenshot(page, 'lien-envoye');

    const mail = await sink.next(email, /nouveau mot de passe/, 30_000);
    const link = linkIn(mail, e2e.url('/mot-de-passe/reinitialiser?token='));
    await page.goto(link);
    await e2e.checkA11y(page, 'reset-password');
    // The policy applies: a common password is refused with the reason, on the page.
    await page.getByLabel('Nouveau mot de passe').fill('azertyuiop');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('alert').filter({ hasText: 'trop courant' }).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill('un nouveau mot de passe solide');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL('**/connexion?motdepasse=change');
    await page.getByRole('status').filter({ hasText: 'Votre mot de passe a été changé' }).waitFor();
    await e2e.screenshot(page, 'mot-de-passe-change');

    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('un nouveau mot de passe solide');
    await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByRole('button', { name: 'Se connecter' }).click()]);
    await page.goto(e2e.url('/compte'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mon compte');
    await expect(page.getByText(email).count()).resolves.toBeGreaterThan(0);

    // The link was single use.
    const again = await e2e.newPage();
    await again.goto(link);
    await again.getByLabel('Nouveau mot de passe').fill('encore un autre mot de passe');
    await again.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await again.getByRole('alert').filter({ hasText: 'n’est pas valide ou a expiré' }).waitFor();
  });

  it('registering on the web leads to "Vérifiez votre boîte mail", without JavaScript; "renvoyer" sends a second link', async () => {
    const address = `inscrite.${Date.now().toString(36)}@example.fr`;
    const page = await e2e.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(30_000);
    await page.goto(e2e.url('/inscription'));
    await page.getByLabel('Nom affiché').fill('Inès Inscrite');
    await page.getByLabel('Adresse e-mail').fill(address);
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByLabel(/Votre collectivité/).fill('91223');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL('**/inscription/verifiez');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vérifiez votre boîte mail');
    await expect(page.locator('main').textContent()).resolves.toContain(address);
    // (axe needs JavaScript: the page's accessibility is checked in the foundation journey.)
    await page.setViewportSize({ width: 390, height: 844 });
    await e2e.screenshot(page, 'verifiez-votre-boite-mail');
    await sink.next(address, /Confirmez votre adresse/, 30_000);

    await page.getByRole('button', { name: 'Renvoyer le lien de confirmation' }).click();
    await page.getByRole('status').filter({ hasText: 'Un nouveau lien de confirmation vient de partir' }).waitFor();
    await sink.waitFor(() => sink.to(address).filter((m) => /Confirmez votre adresse/.test(m.subject)).length === 2, 30_000, 'the second link');
    // The latest link confirms the address.
    const latest = sink.to(address).filter((m) => /Confirmez votre adresse/.test(m.subject))[1];
    await page.goto(linkIn(latest, e2e.url('/compte/verifier-adresse?token=')));
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await page.getByText('Merci, votre adresse e-mail est confirmée.').waitFor();
    await page.context().close();
  });

  it('shows the e-mail preferences page without JavaScript-only controls', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, { email, password: 'un nouveau mot de passe solide' });
    await page.goto(e2e.url('/compte/notifications'));
    await e2e.checkA11y(page, 'mail-preferences');
    await page.getByRole('group', { name: 'Une fiche que je suis change' }).getByLabel('Jamais').check();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await page.getByRole('status').filter({ hasText: 'Vos choix sont enregistrés.' }).waitFor();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Une fiche que je suis change' }).getByLabel('Jamais').isChecked()).resolves.toBe(true);
  });
});
