import { error, redirect } from '@sveltejs/kit';
import { formFailure, gql, gqlLoad } from '$lib/graphql/gql.server';
import { HidePageRevisionMutation, PageDiffQuery, PageHistoryQuery, RestorePageMutation } from '$lib/wiki/operations';
import { loadDiff, readDiffRange, readRevisionAction } from '$lib/wiki/history.server';
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

export const actions: Actions = {
  restore: async (event) => {
    const { id, revision, values } = await readRevisionAction(event);
    try {
      await gql(event, RestorePageMutation, { id, revision });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/pages/${event.params.slug}/historique?restauree=${revision}`);
  },
  hide: async (event) => {
    const { id, revision, hidden, reason, values } = await readRevisionAction(event);
    try {
      await gql(event, HidePageRevisionMutation, { id, revision, hidden, reason });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/pages/${event.params.slug}/historique`);
  },
};
