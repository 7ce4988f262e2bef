import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { isModerator } from '$lib/forum/labels';
import { CategoriesQuery, OpenFlagCountQuery } from '$lib/forum/operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const [{ categories }, { user }] = await Promise.all([gqlLoad(event, CategoriesQuery), event.parent()]);
  // Moderators get a link to their queue with the number of open flags (null if the count fails).
  const openFlags = isModerator(user) ? await gql(event, OpenFlagCountQuery).then((r) => r.flaggedPosts.totalCount, () => null) : null;
  return { categories, moderator: isModerator(user), openFlags };
};
