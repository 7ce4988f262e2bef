import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { isModerator } from '$lib/forum/labels';
import { ForumHomeQuery, OpenFlagCountQuery } from '$lib/forum/operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const [{ categories }, { user }] = await Promise.all([gqlLoad(event, ForumHomeQuery), event.parent()]);
  // Moderators get a link to their queue with the number of open flags (null if the count fails).
  const openFlags = isModerator(user)
    ? await gql(event, OpenFlagCountQuery).then(
        (r) => r.flaggedPosts.totalCount,
        () => null,
      )
    : null;
  // Latest activity across categories, newest first.
  const latest = categories
    .flatMap((c) => c.threads.edges.map((e) => ({ ...e.node, category: { slug: c.slug, name: c.name } })))
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))
    .slice(0, 8);
  return { categories, latest, moderator: isModerator(user), openFlags };
};
