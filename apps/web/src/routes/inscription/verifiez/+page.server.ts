import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeReturnPath } from '$lib/account/redirect';
import { registeredAddress } from '$lib/mail/registered-address.server';
import { MyAddressQuery, ResendEmailVerificationMutation } from '$lib/mail/operations';
import { formFailure, gql, gqlLoad } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  let email = registeredAddress(event.cookies);
  if (!email && user) email = (await gqlLoad(event, MyAddressQuery)).me?.email ?? null;
  if (!email) redirect(303, '/inscription');
  return { email, next: safeReturnPath(event.url.searchParams.get('retour'), '/compte?bienvenue=1') };
};

export const actions: Actions = {
  resend: async (event) => {
    try {
      await gql(event, ResendEmailVerificationMutation);
    } catch (e) {
      // A registration with an address that already had an account opened no session (its owner
      // got a warning instead): the page answers the same, so it does not tell who has an account.
      if (isApiError(e) && e.code === 'UNAUTHENTICATED') return { resent: true };
      return formFailure(e, {});
    }
    return { resent: true };
  },
};
