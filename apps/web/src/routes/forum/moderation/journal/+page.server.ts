import { error } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { isId } from '$lib/forum/labels';
import { requireModerator } from '$lib/forum/moderation.server';
import { ModerationLogQuery, ThreadQuery } from '$lib/forum/operations';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 30;

/** Every moderation action, newest first; `?sujet=<id>` keeps one thread's. Moderators only. */
export const load: PageServerLoad = async (event) => {
  await requireModerator(event);
  const sujet = event.url.searchParams.get('sujet');
  if (sujet !== null && !isId(sujet)) error(404, { message: 'Sujet introuvable.', code: 'NOT_FOUND' });
  const after = event.url.searchParams.get('apres') || null;
  const [{ moderationLog }, thread] = await Promise.all([
    gqlLoad(event, ModerationLogQuery, { first: PAGE_SIZE, after, threadId: sujet }),
    sujet ? gqlLoad(event, ThreadQuery, { id: sujet, first: 1 }).then((r) => r.thread) : Promise.resolve(null),
  ]);
  if (sujet && !thread) error(404, { message: 'Sujet introuvable.', code: 'NOT_FOUND' });
  return { log: moderationLog, thread: thread ? { id: thread.id, title: thread.title } : null, after };
};
