import type { Actions } from './$types';
import { RequestPasswordResetMutation } from '$lib/mail/operations';
import { mailMessages } from '$lib/mail/messages';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

export const actions: Actions = {
  default: async (event) => {
    const { email } = formValues(await event.request.formData(), ['email']);
    if (!email) return invalidForm(translator(mailMessages, event.locals.lang)('forgot.missing'), { email }, ['email']);
    try {
      await gql(event, RequestPasswordResetMutation, { email });
    } catch (e) {
      return formFailure(e, { email });
    }
    return { sent: true, email };
  },
};
