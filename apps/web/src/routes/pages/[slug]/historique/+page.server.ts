import { error } from '@sveltejs/kit';
import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { HidePageRevisionMutation, PageDiffQuery, PageHistoryQuery, RestorePageMutation } from '$lib/wiki/page-operations';
import { loadDiff, readDiffRange, revisionActions } from '$lib/wiki/history.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const after = event.url.searchParams.get('apres') || null;
  const { page } = await gqlLoad(event, PageHistoryQuery, { slug: event.params.slug, first: 50, after });
  if (!page) error(404, { message: 'Page introuvable.', code: 'NOT_FOUND' });
  const range = readDiffRange(event.url, page.revision);
  const { diff, diffError } = await loadDiff(range, async (r) => (await gql(event, PageDiffQuery, { slug: event.params.slug, ...r })).page?.diff ?? null);
  const { user } = await event.parent();
  return { item: page, diff, diffError, range, canRestore: !!user };
};

export const actions: Actions = revisionActions({
  historyPath: (event) => `/pages/${event.params.slug}/historique`,
  restore: (event, variables) => gql(event, RestorePageMutation, variables),
  hide: (event, variables) => gql(event, HidePageRevisionMutation, variables),
});
