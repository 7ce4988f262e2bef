import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LoginMutation } from '$lib/account/operations';
import { accountMessages } from '$lib/account/messages';
import { safeReturnPath } from '$lib/account/redirect';
import { proconnectOffered } from '$lib/account/proconnect.server';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (user) redirect(303, safeReturnPath(event.url.searchParams.get('retour')));
  return { proconnect: await proconnectOffered(event) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const { email, password } = formValues(form, ['email', 'password'], ['password']);
    const values = { email };
    if (!email || !password) {
      return invalidForm(translator(accountMessages, event.locals.lang)('login.missing'), values, [!email ? 'email' : 'password']);
    }
    try {
      await gql(event, LoginMutation, { email, password });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, safeReturnPath(event.url.searchParams.get('retour')));
  },
};
