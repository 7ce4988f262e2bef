import { gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';
import { homeActivity } from '$lib/home/activity';
import { HomeActivityQuery } from '$lib/home/operations';
import type { PageServerLoad } from './$types';

/** The home page stays up when the API is not: the activity is then left out. */
export const load: PageServerLoad = async (event) => {
  try {
    return { activity: homeActivity(await gql(event, HomeActivityQuery)) };
  } catch (e) {
    if (!isApiError(e)) throw e;
    return { activity: null };
  }
};
