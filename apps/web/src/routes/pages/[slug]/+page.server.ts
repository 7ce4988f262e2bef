import { error } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { PageQuery } from '$lib/wiki/page-operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { page } = await gqlLoad(event, PageQuery, { slug: event.params.slug });
  if (!page) error(404, { message: 'Page introuvable.', code: 'NOT_FOUND' });
  return { wikiPage: page };
};
