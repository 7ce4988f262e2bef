import { redirect } from '@sveltejs/kit';
import { formFailure, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { isId } from '$lib/forum/labels';
import { requireModerator } from '$lib/forum/moderation.server';
import { DismissFlagsMutation, FlagQueueQuery, HidePostMutation } from '$lib/forum/operations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PAGE_SIZE = 20;

/** The moderators' queue: open flags, newest first (`?statut=tous` adds the handled ones). */
export const load: PageServerLoad = async (event) => {
  await requireModerator(event);
  const all = event.url.searchParams.get('statut') === 'tous';
  const after = event.url.searchParams.get('apres') || null;
  const { flaggedPosts } = await gqlLoad(event, FlagQueueQuery, { first: PAGE_SIZE, after, openOnly: !all });
  return { flags: flaggedPosts, all, after, flash: event.url.searchParams.get('ok') };
};

/**
 * Both actions concern a post and all its open flags; the API checks the role again. The form
 * actions carry the page's `statut` and `apres`, so the moderator comes back to the same page.
 */
async function postAction(event: RequestEvent, flash: string, needsReason: boolean, run: (postId: string, reason: string) => Promise<unknown>) {
  const form = await event.request.formData();
  const values = { postId: String(form.get('postId') ?? ''), reason: String(form.get('reason') ?? '').trim() };
  if (!isId(values.postId)) return invalidForm('Message inconnu.', values);
  if (needsReason && values.reason.length < 3)
    return invalidForm('Indiquez un motif d’au moins 3 caractères : il est affiché à la place du message.', values, ['reason']);
  try {
    await run(values.postId, values.reason);
  } catch (e) {
    return formFailure(e, values);
  }
  // Handled flags leave the open queue (the next ones move up): back to its first page then.
  const query = new URLSearchParams();
  const after = event.url.searchParams.get('apres');
  if (event.url.searchParams.get('statut') === 'tous') {
    query.set('statut', 'tous');
    if (after) query.set('apres', after);
  }
  query.set('ok', flash);
  redirect(303, `/forum/moderation?${query}`);
}

export const actions: Actions = {
  hide: (event) => postAction(event, 'hidden', true, (id, reason) => gql(event, HidePostMutation, { id, reason })),
  dismiss: (event) => postAction(event, 'dismissed', false, (postId) => gql(event, DismissFlagsMutation, { postId })),
};
