import type { LayoutServerLoad } from './$types';
import { MeQuery } from '$lib/account/operations';
import { gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';

/** Every page gets the language and the logged-in user (null when logged out or the API is down). */
export const load: LayoutServerLoad = async (event) => {
  let user = null;
  try {
    user = (await gql(event, MeQuery)).me;
  } catch (e) {
    if (!isApiError(e)) throw e;
  }
  return { lang: event.locals.lang, user };
};
