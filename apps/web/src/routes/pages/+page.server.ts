import { gqlLoad } from '$lib/graphql/gql.server';
import { PagesQuery } from '$lib/wiki/page-operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { pages } = await gqlLoad(event, PagesQuery, { first: 100, after: event.url.searchParams.get('apres') || null });
  return { pages };
};
