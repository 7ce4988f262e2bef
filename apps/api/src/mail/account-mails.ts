import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApiLang } from '../common/request-lang';
import { renderMail } from './mail-layout';
import { MailOutboxService } from './mail-outbox.service';
import { MailPreferencesService } from './mail-preferences.service';
import { MailTokens } from './mail-tokens';

export const VERIFY_TTL_MS = 24 * 3_600_000;
export const RESET_TTL_MS = 3_600_000;

interface Recipient {
  id: number;
  email: string;
  displayName: string;
}

/** Messages about the account itself: address verification, password reset, a registration attempt. */
@Injectable()
export class AccountMails {
  constructor(
    private readonly outbox: MailOutboxService,
    private readonly tokens: MailTokens,
    private readonly preferences: MailPreferencesService,
  ) {}

  private async lang(manager: EntityManager, userId: number): Promise<ApiLang> {
    return (await this.preferences.languages(manager, [userId])).get(userId) ?? 'fr';
  }

  /**
   * A link proving the address (24 h, single use): the account's own, or (`newEmail`) the address
   * it asked to move to, which becomes the account's only once the link is used.
   */
  async verification(manager: EntityManager, user: Recipient, newEmail?: string): Promise<void> {
    const email = newEmail ?? user.email;
    if (newEmail) await this.tokens.voidAll(manager, user.id, 'CHANGE_EMAIL');
    const token = await this.tokens.issue(manager, user.id, newEmail ? 'CHANGE_EMAIL' : 'VERIFY_EMAIL', email, VERIFY_TTL_MS);
    const url = this.outbox.link(`/compte/verifier-adresse?token=${token}`);
    const fr = (await this.lang(manager, user.id)) === 'fr';
    const body = renderMail({
      lang: fr ? 'fr' : 'en',
      subject: fr ? 'Confirmez votre adresse e-mail sur Essaim' : 'Confirm your email address on Essaim',
      paragraphs: fr
        ? [
            `Bonjour ${user.displayName},`,
            'Pour confirmer que cette adresse est bien la vôtre, ouvrez le lien ci-dessous. Il est valable 24 heures et ne sert qu’une fois.',
          ]
        : [`Hello ${user.displayName},`, 'To confirm this address is yours, open the link below. It is valid for 24 hours and works once.'],
      action: { label: fr ? 'Confirmer mon adresse' : 'Confirm my address', url },
      footer: [{ text: fr ? 'Vous n’avez pas demandé ce message ? Ignorez-le : rien ne sera fait.' : 'Did not ask for this? Ignore it: nothing will happen.' }],
    });
    await this.outbox.enqueue(manager, 'VERIFY_EMAIL', { to: email, ...body });
  }

  async passwordReset(manager: EntityManager, user: Recipient): Promise<void> {
    const token = await this.tokens.issue(manager, user.id, 'RESET_PASSWORD', user.email, RESET_TTL_MS);
    const url = this.outbox.link(`/mot-de-passe/reinitialiser?token=${token}`);
    const fr = (await this.lang(manager, user.id)) === 'fr';
    const body = renderMail({
      lang: fr ? 'fr' : 'en',
      subject: fr ? 'Choisir un nouveau mot de passe Essaim' : 'Choose a new Essaim password',
      paragraphs: fr
        ? [
            `Bonjour ${user.displayName},`,
            'Quelqu’un (sans doute vous) a demandé à changer le mot de passe de votre compte Essaim. Le lien ci-dessous est valable 1 heure et ne sert qu’une fois ; choisir un nouveau mot de passe déconnecte toutes vos sessions.',
          ]
        : [
            `Hello ${user.displayName},`,
            'Someone (probably you) asked to change the password of your Essaim account. The link below is valid for 1 hour and works once; choosing a new password logs out all your sessions.',
          ],
      action: { label: fr ? 'Choisir un nouveau mot de passe' : 'Choose a new password', url },
      footer: [
        {
          text: fr
            ? 'Vous n’avez rien demandé ? Ignorez ce message : votre mot de passe ne change pas.'
            : 'Did not ask for this? Ignore this message: your password stays the same.',
        },
      ],
    });
    await this.outbox.enqueue(manager, 'RESET_PASSWORD', { to: user.email, ...body });
  }

  /** Tells the previous address that the account now uses another one (in case it was not its owner). */
  async emailChanged(manager: EntityManager, user: Recipient, previous: string): Promise<void> {
    const fr = (await this.lang(manager, user.id)) === 'fr';
    const body = renderMail({
      lang: fr ? 'fr' : 'en',
      subject: fr ? 'L’adresse de votre compte Essaim a changé' : 'The address of your Essaim account changed',
      paragraphs: fr
        ? [
            `Bonjour ${user.displayName},`,
            `Votre compte Essaim utilise désormais l’adresse ${user.email}. Ce message part à l’ancienne adresse, ${previous}.`,
            'Si vous n’êtes pas à l’origine de ce changement, écrivez à l’équipe de votre instance Essaim.',
          ]
        : [
            `Hello ${user.displayName},`,
            `Your Essaim account now uses the address ${user.email}. This message goes to the previous address, ${previous}.`,
            'If you did not make this change, write to the team running your Essaim instance.',
          ],
    });
    await this.outbox.enqueue(manager, 'VERIFY_EMAIL', { to: previous, ...body });
  }

  /** Someone tried to register with this address: tell its owner instead of telling the visitor. */
  async registerAttempt(manager: EntityManager, user: Recipient): Promise<void> {
    const fr = (await this.lang(manager, user.id)) === 'fr';
    const body = renderMail({
      lang: fr ? 'fr' : 'en',
      subject: fr ? 'Tentative de création de compte avec votre adresse' : 'Someone tried to create an account with your address',
      paragraphs: fr
        ? [
            `Bonjour ${user.displayName},`,
            'Quelqu’un vient d’essayer de créer un compte Essaim avec votre adresse e-mail. Votre compte existe déjà : rien n’a été créé ni modifié.',
            'Si c’était vous, connectez-vous simplement, ou choisissez un nouveau mot de passe si vous l’avez oublié.',
          ]
        : [
            `Hello ${user.displayName},`,
            'Someone just tried to create an Essaim account with your email address. Your account already exists: nothing was created or changed.',
            'If it was you, just log in, or choose a new password if you forgot it.',
          ],
      action: { label: fr ? 'Mot de passe oublié ?' : 'Forgot your password?', url: this.outbox.link('/mot-de-passe/oublie') },
    });
    await this.outbox.enqueue(manager, 'REGISTER_ATTEMPT', { to: user.email, ...body });
  }
}
