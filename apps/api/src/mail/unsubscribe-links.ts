import { Injectable } from '@nestjs/common';
import type { ApiLang } from '../common/request-lang';
import type { MailBody } from './mail-layout';
import { MailOutboxService } from './mail-outbox.service';
import { MailSecret } from './mail-secret';

/** What one unsubscribe link stops: one notification kind, or a whole digest (`@DAILY`, `@WEEKLY`). */
export interface UnsubscribeScope {
  userId: number;
  scope: string;
}

export const UNSUBSCRIBE_PATH = '/mail/unsubscribe';
export const PREFERENCES_PATH = '/compte/notifications';

/** RFC 8058 one-click unsubscribe: signed links (no login needed) and the footer of every notification e-mail. */
@Injectable()
export class UnsubscribeLinks {
  constructor(
    private readonly secret: MailSecret,
    private readonly outbox: MailOutboxService,
  ) {}

  async url({ userId, scope }: UnsubscribeScope): Promise<string> {
    return this.outbox.link(`${UNSUBSCRIBE_PATH}?token=${await this.secret.sign(`u1:${userId}:${scope}`)}`);
  }

  async read(token: string): Promise<UnsubscribeScope | null> {
    const payload = await this.secret.verify(token);
    const match = payload ? /^u1:(\d+):(@DAILY|@WEEKLY|[A-Z_]{1,32})$/.exec(payload) : null;
    return match ? { userId: Number(match[1]), scope: match[2] } : null;
  }

  /** Headers and footer for a notification e-mail. */
  async decorate(target: UnsubscribeScope, lang: ApiLang, what: string): Promise<{ headers: Record<string, string>; footer: NonNullable<MailBody['footer']> }> {
    const url = await this.url(target);
    const fr = lang === 'fr';
    return {
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      footer: [
        {
          text: fr
            ? `Vous recevez ce message parce que vos préférences prévoient un e-mail pour : ${what}.`
            : `You get this message because your preferences send an email for: ${what}.`,
          link: { label: fr ? 'Choisir quels e-mails recevoir' : 'Choose which emails you get', url: this.outbox.link(PREFERENCES_PATH) },
        },
        { text: fr ? 'Ne plus recevoir ces messages :' : 'Stop these messages:', link: { label: fr ? 'se désabonner' : 'unsubscribe', url } },
      ],
    };
  }
}
