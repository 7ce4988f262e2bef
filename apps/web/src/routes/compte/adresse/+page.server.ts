import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ChangeEmailMutation, MyAddressQuery, ResendEmailVerificationMutation } from '$lib/mail/operations';
import { mailMessages } from '$lib/mail/messages';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  const { me } = await gqlLoad(event, MyAddressQuery);
  return { address: me };
};

export const actions: Actions = {
  resend: async (event) => {
    try {
      await gql(event, ResendEmailVerificationMutation);
    } catch (e) {
      return formFailure(e, {});
    }
    return { resent: true };
  },
  change: async (event) => {
    const { email, password } = formValues(await event.request.formData(), ['email', 'password'], ['password']);
    if (!email || !password) return invalidForm(translator(mailMessages, event.locals.lang)('address.missing'), { email }, [!email ? 'email' : 'password']);
    try {
      await gql(event, ChangeEmailMutation, { email, password });
    } catch (e) {
      return formFailure(e, { email });
    }
    return { sentTo: email };
  },
};
