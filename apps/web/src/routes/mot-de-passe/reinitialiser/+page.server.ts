import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ResetPasswordMutation } from '$lib/mail/operations';
import { mailMessages } from '$lib/mail/messages';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

export const load: PageServerLoad = async ({ url }) => ({ token: (url.searchParams.get('token') ?? '').slice(0, 200) });

export const actions: Actions = {
  default: async (event) => {
    const t = translator(mailMessages, event.locals.lang);
    const { token, password } = formValues(await event.request.formData(), ['token', 'password'], ['password']);
    if (!token) return invalidForm(t('reset.noToken'), {}, ['token']);
    if (!password) return invalidForm(t('reset.missing'), {}, ['password']);
    try {
      await gql(event, ResetPasswordMutation, { token, password });
    } catch (e) {
      // Never send the password back to the page.
      return formFailure(e, {});
    }
    redirect(303, '/connexion?motdepasse=change');
  },
};
