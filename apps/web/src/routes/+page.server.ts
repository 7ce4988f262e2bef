import { gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';
import { homeActivity } from '$lib/home/activity';
import { HomeActivityQuery, HomeSeminarsQuery } from '$lib/home/operations';
import type { PageServerLoad } from './$types';

/** The home page stays up when the API is not: the activity is then left out. */
export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  try {
    const [activity, seminars] = await Promise.all([
      gql(event, HomeActivityQuery),
      user
        ? gql(event, HomeSeminarsQuery).then(
            (r) => r.seminars,
            () => null,
          )
        : Promise.resolve(null),
    ]);
    return { activity: homeActivity(activity, seminars) };
  } catch (e) {
    if (!isApiError(e)) throw e;
    return { activity: null };
  }
};
