import { error, redirect } from '@sveltejs/kit';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { isId } from '$lib/forum/labels';
import {
  AcceptAnswerMutation,
  FlagPostMutation,
  FollowMutation,
  HidePostMutation,
  LockThreadMutation,
  MarkThreadReadMutation,
  PinThreadMutation,
  PreviewQuery,
  ReactMutation,
  ReplyMutation,
  ThreadQuery,
  UnfollowMutation,
  UnreactMutation,
} from '$lib/forum/operations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  const { id } = event.params;
  if (!isId(id)) error(404, { message: 'Sujet introuvable.', code: 'NOT_FOUND' });
  const after = event.url.searchParams.get('apres');
  const { thread } = await gqlLoad(event, ThreadQuery, { id, first: PAGE_SIZE, after: after || null });
  if (!thread) error(404, { message: 'Sujet introuvable.', code: 'NOT_FOUND' });
  const { user } = await event.parent();
  // The marker is read before it moves, so the page can show where the new posts start.
  const firstUnreadAfter = user && thread.unread ? thread.lastReadPostId : null;
  if (user && thread.unread) await gql(event, MarkThreadReadMutation, { threadId: id }).catch(() => null);
  const quote = event.url.searchParams.get('citer');
  const quoted = isId(quote) ? (thread.posts.edges.find((e) => e.node.id === quote && !e.node.hidden)?.node ?? null) : null;
  return { thread, firstUnreadAfter, quoted, paged: !!after, flash: event.url.searchParams.get('ok') };
};

const back = (event: RequestEvent, anchor = '', flash = 'done') => redirect(303, `/forum/sujet/${event.params.id}?ok=${flash}${anchor}`);

async function postAction(event: RequestEvent, run: (postId: string, form: FormData) => Promise<unknown>, anchorToPost = true) {
  const form = await event.request.formData();
  const postId = String(form.get('postId') ?? '');
  if (!isId(postId)) return invalidForm('Message inconnu.', { postId });
  try {
    await run(postId, form);
  } catch (e) {
    return formFailure(e, { postId, reason: String(form.get('reason') ?? '') });
  }
  back(event, anchorToPost ? `#message-${postId}` : '');
}

export const actions: Actions = {
  reply: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form, ['body', 'quotePostId'], ['body']);
    if (!values.body.trim()) return invalidForm('Écrivez un message avant de publier.', values, ['body']);
    let postId: string;
    try {
      postId = (await gql(event, ReplyMutation, { threadId: event.params.id, body: values.body, quotePostId: isId(values.quotePostId) ? values.quotePostId : null })).reply.id;
    } catch (e) {
      return formFailure(e, values);
    }
    back(event, `#message-${postId}`, 'posted');
  },
  preview: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form, ['body', 'quotePostId'], ['body']);
    try {
      const { previewMarkdown } = await gql(event, PreviewQuery, { markdown: values.body });
      return { preview: previewMarkdown, values };
    } catch (e) {
      return formFailure(e, values);
    }
  },
  react: (event) => postAction(event, (postId) => gql(event, ReactMutation, { postId })),
  unreact: (event) => postAction(event, (postId) => gql(event, UnreactMutation, { postId })),
  accept: (event) => postAction(event, (postId) => gql(event, AcceptAnswerMutation, { postId })),
  flag: (event) => postAction(event, (postId, form) => gql(event, FlagPostMutation, { postId, reason: String(form.get('reason') ?? '') })),
  hide: (event) => postAction(event, (postId, form) => gql(event, HidePostMutation, { id: postId, reason: String(form.get('reason') ?? '') })),
  lock: async (event) => threadAction(event, (form) => gql(event, LockThreadMutation, { id: event.params.id, locked: form.get('locked') === 'true' })),
  pin: async (event) => threadAction(event, (form) => gql(event, PinThreadMutation, { id: event.params.id, pinned: form.get('pinned') === 'true' })),
  follow: async (event) =>
    threadAction(event, (form) =>
      form.get('follow') === 'true'
        ? gql(event, FollowMutation, { targetType: 'THREAD', targetId: event.params.id })
        : gql(event, UnfollowMutation, { targetType: 'THREAD', targetId: event.params.id }),
    ),
};

async function threadAction(event: RequestEvent, run: (form: FormData) => Promise<unknown>) {
  const form = await event.request.formData();
  try {
    await run(form);
  } catch (e) {
    return formFailure(e, {});
  }
  back(event);
}
