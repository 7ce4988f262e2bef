import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { forbidden, notFound } from '../common/errors';
import { requestLang } from '../common/request-lang';
import { SeminarFacilitator } from '../seminars/entities/seminar-facilitator.entity';
import { Seminar } from '../seminars/entities/seminar.entity';
import { InviteToSeminarArgs } from './dto/mail.args';
import { renderMail } from './mail-layout';
import { MailOutboxService } from './mail-outbox.service';
import type { User } from '../accounts/user.entity';

/**
 * A facilitator pastes addresses; each receives the join link and code. The addresses live
 * only in the outbox rows, which are deleted once sent: nothing else keeps them.
 */
@Resolver()
export class SeminarInvitationsResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: MailOutboxService,
  ) {}

  @Mutation(() => Int, { description: 'E-mails the join link and code to each address (facilitators of the seminar); returns how many were queued.' })
  @Allow('FACILITATOR')
  async inviteToSeminar(@Args() { seminarId, emails }: InviteToSeminarArgs, @CurrentUser() user: User, @Ctx() ctx: RequestContext): Promise<number> {
    const id = Number(seminarId);
    const seminar = await this.dataSource.getRepository(Seminar).findOne({ where: { id } });
    if (!seminar) throw notFound('SEMINAR_NOT_FOUND');
    if (user.role !== 'ADMIN' && !(await this.dataSource.getRepository(SeminarFacilitator).exists({ where: { seminarId: id, userId: user.id } }))) {
      throw forbidden('INVITERS_FACILITATORS_ONLY');
    }
    const addresses = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
    const lang = requestLang(ctx.req?.headers?.['accept-language']);
    const fr = lang === 'fr';
    const url = this.outbox.link(`/seminaires/rejoindre?code=${encodeURIComponent(seminar.joinCode)}`);
    const when = seminar.date.toLocaleDateString(fr ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' });
    const body = renderMail({
      lang,
      subject: fr ? `Invitation au séminaire « ${seminar.title} »` : `Invitation to the seminar “${seminar.title}”`,
      paragraphs: fr
        ? [
            `${user.displayName} vous invite au séminaire « ${seminar.title} » du ${when}${seminar.place ? `, ${seminar.place}` : ''}.`,
            `Pour participer, ouvrez le lien ci-dessous ou tapez le code ${seminar.joinCode} sur la page « Rejoindre un séminaire ». Aucun compte n’est nécessaire.`,
          ]
        : [
            `${user.displayName} invites you to the seminar “${seminar.title}” on ${when}${seminar.place ? `, ${seminar.place}` : ''}.`,
            `To take part, open the link below or type the code ${seminar.joinCode} on the “Join a seminar” page. No account is needed.`,
          ],
      action: { label: fr ? 'Rejoindre le séminaire' : 'Join the seminar', url },
      footer: [
        {
          text: fr
            ? 'Votre adresse n’a été utilisée que pour cet envoi : Essaim ne la conserve pas.'
            : 'Your address was used for this message only: Essaim does not keep it.',
        },
      ],
    });
    await this.dataSource.transaction((m) =>
      this.outbox.enqueue(
        m,
        'SEMINAR_INVITATION',
        addresses.map((to) => ({ to, ...body })),
      ),
    );
    return addresses.length;
  }
}
