import { error, redirect } from '@sveltejs/kit';
import { BLOCKER_STATUSES, type BlockerStatus } from '@essaim/domain';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { BlockerQuery, UpdateBlockerMutation } from '$lib/blockers/operations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!/^[1-9]\d{0,11}$/.test(event.params.id)) error(404, { message: 'Frein introuvable.', code: 'NOT_FOUND' });
  const { blocker } = await gqlLoad(event, BlockerQuery, { id: event.params.id });
  if (!blocker) error(404, { message: 'Frein introuvable.', code: 'NOT_FOUND' });
  const flash = event.url.searchParams.has('signale') ? 'reported' : event.url.searchParams.has('maj') ? 'updated' : null;
  return { blocker, flash };
};

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form, ['status', 'resolution', 'comment']);
    if (!(BLOCKER_STATUSES as readonly string[]).includes(values.status)) return invalidForm('Choisissez un statut.', values, ['status']);
    try {
      await gql(event, UpdateBlockerMutation, {
        id: event.params.id,
        status: values.status as BlockerStatus,
        resolution: values.resolution || null,
        comment: values.comment || null,
      });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/freins/${event.params.id}?maj=1`);
  },
};
