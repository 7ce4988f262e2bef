import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { MailPreferencesService } from './mail-preferences.service';
import { MailMode } from './notification-kinds';
import { PREFERENCES_PATH, UnsubscribeLinks } from './unsubscribe-links';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Essaim</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.5"><main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * One-click unsubscribe (RFC 8058): mail programs POST to the List-Unsubscribe address, with no
 * login; the signed token says who and what. A GET (someone opening the link) shows a button
 * instead of acting, because link scanners open links on their own.
 */
@Controller('mail')
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly preferences: MailPreferencesService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('unsubscribe')
  async confirm(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    const target = typeof token === 'string' ? await this.links.read(token) : null;
    res.setHeader('Cache-Control', 'no-store');
    if (!target) {
      res
        .status(400)
        .type('html')
        .send(
          page(
            'Lien invalide',
            '<p>Ce lien de désabonnement n’est pas valide. Gérez vos e-mails depuis <a href="' + PREFERENCES_PATH + '">vos préférences</a>.</p>',
          ),
        );
      return;
    }
    res
      .type('html')
      .send(
        page(
          'Se désabonner',
          `<form method="post"><p>Ne plus recevoir ces e-mails d’Essaim ? <span lang="en">(Stop these emails from Essaim?)</span></p>` +
            `<button type="submit">Me désabonner / Unsubscribe</button></form><p><a href="${PREFERENCES_PATH}">Choisir quels e-mails recevoir</a></p>`,
        ),
      );
  }

  @Post('unsubscribe')
  async unsubscribe(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    const target = typeof token === 'string' ? await this.links.read(token) : null;
    res.setHeader('Cache-Control', 'no-store');
    if (!target) {
      res.status(400).type('text').send('invalid unsubscribe token');
      return;
    }
    await this.dataSource.transaction(async (m) => {
      const { userId, scope } = target;
      if (!(await m.query(`SELECT 1 FROM "user" WHERE id = ${m.connection.options.type === 'postgres' ? '$1' : '?'}`, [userId])).length) return;
      const kinds = scope.startsWith('@')
        ? [...(await this.preferences.allModes(userId, m))].filter(([, mode]) => mode === scope.slice(1)).map(([kind]) => kind)
        : [scope];
      await this.preferences.setModes(
        m,
        userId,
        kinds.map((kind) => ({ kind, mode: MailMode.NEVER })),
      );
    });
    res
      .status(200)
      .type('html')
      .send(page('C’est fait', `<p>Vous ne recevrez plus ces e-mails. <a href="${PREFERENCES_PATH}">Choisir quels e-mails recevoir</a></p>`));
  }
}
