import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { BLOCKER_CATEGORIES, BLOCKER_SEVERITIES, BLOCKER_STATUSES, type BlockerCategory, type BlockerSeverity, type BlockerStatus } from '@essaim/domain';
import { formFailure, formValues, gql, gqlLoad, invalidForm, type FormFailure } from '$lib/graphql/gql.server';
import { BlockerQuery, EditBlockerMutation, UpdateBlockerMutation } from '$lib/blockers/operations';
import type { BlockerEditValues } from '$lib/blockers/edit-form';
import type { Actions, PageServerLoad } from './$types';

const FLASHES = { signale: 'reported', maj: 'updated', modifie: 'edited' } as const;

export const load: PageServerLoad = async (event) => {
  if (!/^[1-9]\d{0,11}$/.test(event.params.id)) error(404, { message: 'Frein introuvable.', code: 'NOT_FOUND' });
  const { blocker } = await gqlLoad(event, BlockerQuery, { id: event.params.id });
  if (!blocker) error(404, { message: 'Frein introuvable.', code: 'NOT_FOUND' });
  const flash = (Object.keys(FLASHES) as (keyof typeof FLASHES)[]).find((key) => event.url.searchParams.has(key));
  return { blocker, flash: flash ? FLASHES[flash] : null };
};

/** Marks a failure as the edit form's, so the status form does not show it. */
const editFailure = (failure: ActionFailure<FormFailure<BlockerEditValues>>) => fail(failure.status, { ...failure.data, action: 'edit' as const });

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

  /** Corrects category, severity and description from the revision the visitor saw; a stale one is a CONFLICT, never an overwrite. */
  edit: async (event) => {
    const values: BlockerEditValues = formValues(await event.request.formData(), ['category', 'severity', 'description', 'baseRevision']);
    if (!(BLOCKER_CATEGORIES as readonly string[]).includes(values.category))
      return editFailure(invalidForm('Choisissez une catégorie.', values, ['category']));
    if (!(BLOCKER_SEVERITIES as readonly string[]).includes(values.severity)) return editFailure(invalidForm('Choisissez une gravité.', values, ['severity']));
    if (values.description.length < 10) return editFailure(invalidForm('Décrivez le frein en au moins 10 caractères.', values, ['description']));
    const baseRevision = Number(values.baseRevision);
    if (!Number.isInteger(baseRevision) || baseRevision < 1) return editFailure(invalidForm('Révision de départ manquante : rechargez la page.', values));
    try {
      await gql(event, EditBlockerMutation, {
        id: event.params.id,
        baseRevision,
        input: { category: values.category as BlockerCategory, severity: values.severity as BlockerSeverity, description: values.description },
      });
    } catch (e) {
      const failure = formFailure(e, values);
      // After a CONFLICT the visitor has seen the current version: saving again starts from it.
      const current = failure.data.error.extensions.currentRevision;
      if (failure.data.error.code === 'CONFLICT' && typeof current === 'number') failure.data.values.baseRevision = String(current);
      return editFailure(failure);
    }
    redirect(303, `/freins/${event.params.id}?modifie=1`);
  },
};
