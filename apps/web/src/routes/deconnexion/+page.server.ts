import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LogoutMutation } from '$lib/account/operations';
import { providerLogoutUrl } from '$lib/account/proconnect.server';
import { gql } from '$lib/graphql/gql.server';

/**
 * Logging out is a POST (a link or a prefetch must never log anyone out). After the POST the page
 * renders logged out, with the link to ProConnect's logout when there is one.
 */
export const load: PageServerLoad = ({ parent, request }) => parent().then(({ user }) => (user || request.method === 'POST' ? {} : redirect(303, '/')));

export const actions: Actions = {
  default: async (event) => {
    // Asked before the session ends: after a ProConnect login, ProConnect's session must end too.
    const providerUrl = await providerLogoutUrl(event);
    await gql(event, LogoutMutation);
    // Not a redirect: the pages' CSP (form-action 'self') would stop a form answer that leaves
    // the site. The page continues there itself (or offers the link without JavaScript).
    if (providerUrl) return { providerLogoutUrl: providerUrl };
    redirect(303, '/?deconnexion=1');
  },
};
