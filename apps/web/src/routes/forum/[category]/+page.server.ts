import { error } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { parseSort } from '$lib/forum/labels';
import { ThreadListQuery } from '$lib/forum/operations';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
  if (!/^[a-z0-9-]{1,64}$/.test(event.params.category)) error(404, { message: 'Catégorie introuvable.', code: 'NOT_FOUND' });
  const sort = parseSort(event.url.searchParams.get('tri'));
  const after = event.url.searchParams.get('apres');
  const { forumCategory } = await gqlLoad(event, ThreadListQuery, { slug: event.params.category, sort, first: PAGE_SIZE, after: after || null });
  if (!forumCategory) error(404, { message: 'Catégorie introuvable.', code: 'NOT_FOUND' });
  return { category: forumCategory, sort, paged: !!after };
};
