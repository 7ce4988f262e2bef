import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LogoutMutation } from '$lib/account/operations';
import { gql } from '$lib/graphql/gql.server';

/** Logging out is a POST (a link or a prefetch must never log anyone out). */
export const load: PageServerLoad = ({ parent }) => parent().then(({ user }) => (user ? {} : redirect(303, '/')));

export const actions: Actions = {
  default: async (event) => {
    await gql(event, LogoutMutation);
    redirect(303, '/?deconnexion=1');
  },
};
