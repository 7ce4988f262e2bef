import { redirect } from '@sveltejs/kit';
import { formFailure, gql, gqlLoad } from '$lib/graphql/gql.server';
import { MarkNotificationsReadMutation, NotificationsQuery } from '$lib/notifications/operations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent('/notifications')}`);
  const after = event.url.searchParams.get('apres');
  const data = await gqlLoad(event, NotificationsQuery, { first: 30, after: after || null });
  return { ...data, paged: !!after };
};

export const actions: Actions = {
  /** All, or one (`id`) — following a notification's link through this action marks it read. */
  read: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const url = String(form.get('url') ?? '');
    try {
      await gql(event, MarkNotificationsReadMutation, { ids: /^\d{1,12}$/.test(id) ? [id] : null });
    } catch (e) {
      return formFailure(e, {});
    }
    redirect(303, url.startsWith('/') && !url.startsWith('//') ? url : '/notifications');
  },
};
