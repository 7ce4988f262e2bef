import { redirect } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { createThreadAction } from '$lib/forum/new-thread.server';
import { CategoriesQuery } from '$lib/forum/operations';
import type { Actions, PageServerLoad } from './$types';

/** Pre-filled by ?categorie=<slug>&titre=…&message=… (the blockers' "ask for help" link uses it). */
export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  const { categories } = await gqlLoad(event, CategoriesQuery);
  const params = event.url.searchParams;
  const bySlug = categories.find((c) => c.slug === (params.get('categorie') ?? 'entraide'));
  return {
    categories,
    initial: {
      categoryId: bySlug?.id,
      title: (params.get('titre') ?? '').slice(0, 200),
      body: (params.get('message') ?? '').slice(0, 20000),
      isQuestion: params.has('question'),
    },
  };
};

export const actions: Actions = {
  default: (event) => createThreadAction(event, null),
};
