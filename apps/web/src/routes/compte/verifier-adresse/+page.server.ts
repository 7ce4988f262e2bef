import type { Actions, PageServerLoad } from './$types';
import { VerifyEmailMutation } from '$lib/mail/operations';
import { mailMessages } from '$lib/mail/messages';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

// The link only shows a button: mail scanners open links on their own, a POST is a person.
export const load: PageServerLoad = async ({ url }) => ({ token: (url.searchParams.get('token') ?? '').slice(0, 200) });

export const actions: Actions = {
  default: async (event) => {
    const { token } = formValues(await event.request.formData(), ['token']);
    if (!token) return invalidForm(translator(mailMessages, event.locals.lang)('verify.noToken'), {}, ['token']);
    try {
      await gql(event, VerifyEmailMutation, { token });
    } catch (e) {
      return formFailure(e, {});
    }
    return { verified: true };
  },
};
