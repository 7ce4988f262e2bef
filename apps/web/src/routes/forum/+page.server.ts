import { gqlLoad } from '$lib/graphql/gql.server';
import { CategoriesQuery } from '$lib/forum/operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { categories } = await gqlLoad(event, CategoriesQuery);
  return { categories };
};
