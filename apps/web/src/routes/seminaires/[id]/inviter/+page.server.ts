import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { InviteToSeminarMutation, SeminarForInvitationQuery } from '$lib/mail/operations';
import { mailMessages } from '$lib/mail/messages';
import { formFailure, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  const { seminar } = await gqlLoad(event, SeminarForInvitationQuery, { id: event.params.id });
  if (!seminar) error(404, 'Séminaire introuvable.');
  if (!seminar.viewer.canManage) error(403, 'Seuls les animateurs et animatrices de ce séminaire peuvent inviter.');
  return { seminar };
};

export const actions: Actions = {
  default: async (event) => {
    const t = translator(mailMessages, event.locals.lang);
    const raw = String((await event.request.formData()).get('emails') ?? '').slice(0, 60_000);
    const emails = [
      ...new Set(
        raw
          .split(/[\s,;]+/)
          .map((e) => e.trim().replace(/^<|>$/g, ''))
          .filter(Boolean),
      ),
    ];
    if (!emails.length) return invalidForm(t('invite.missing'), { emails: raw }, ['emails']);
    const bad = emails.filter((e) => !EMAIL.test(e));
    if (bad.length) return invalidForm(t('invite.bad', { list: bad.slice(0, 10).join(', ') }), { emails: raw }, ['emails']);
    try {
      const { inviteToSeminar } = await gql(event, InviteToSeminarMutation, { seminarId: event.params.id, emails });
      return { sent: inviteToSeminar };
    } catch (e) {
      return formFailure(e, { emails: raw });
    }
  },
};
