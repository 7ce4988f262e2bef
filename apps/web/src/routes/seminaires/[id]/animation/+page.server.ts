import { error } from '@sveltejs/kit';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import {
  AcceptStakeMutation,
  AddGroupMutation,
  AddStakesMutation,
  AddWorkshopMutation,
  AdoptMutation,
  RejectStakeMutation,
  SeminarQuery,
  SetStateMutation,
  SetVisibilityMutation,
} from '$lib/seminars/operations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { seminar } = await gqlLoad(event, SeminarQuery, { id: event.params.id });
  if (!seminar) error(404, { message: 'Séminaire introuvable.', code: 'NOT_FOUND' });
  if (!seminar.viewer.canManage) error(403, { message: 'Seule l’animation de ce séminaire accède à cette console.', code: 'FORBIDDEN' });
  return { seminar };
};

const STATES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
const VISIBILITIES = ['LIVE', 'AFTER_CLOSE', 'HIDDEN'] as const;

/** Runs one mutation for a form; failures come back to the form with what was typed. */
async function run<V extends Record<string, string>>(values: V, call: () => Promise<unknown>) {
  try {
    await call();
    return { done: true };
  } catch (e) {
    return formFailure(e, values);
  }
}

export const actions: Actions = {
  addGroup: async (event) => {
    const values = formValues(await event.request.formData(), ['name']);
    if (!values.name) return invalidForm('Indiquez le nom du groupe.', values, ['name']);
    return run(values, () => gql(event, AddGroupMutation, { seminarId: event.params.id, name: values.name }));
  },
  addWorkshop: async (event) => {
    const values = formValues(await event.request.formData(), ['title']);
    if (!values.title) return invalidForm("Indiquez le titre de l'atelier.", values, ['title']);
    return run(values, () => gql(event, AddWorkshopMutation, { seminarId: event.params.id, title: values.title }));
  },
  addStakes: async (event) => {
    const values = formValues(await event.request.formData(), ['workshopId', 'stakes'], ['stakes']);
    const texts = values.stakes
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (texts.length === 0) return invalidForm('Collez au moins un enjeu (un par ligne).', values, ['stakes']);
    return run(values, () => gql(event, AddStakesMutation, { workshopId: values.workshopId, texts }));
  },
  setState: async (event) => {
    const values = formValues(await event.request.formData(), ['workshopId', 'state']);
    const state = STATES.find((s) => s === values.state);
    if (!state) return invalidForm('État inconnu.', values);
    return run(values, () => gql(event, SetStateMutation, { workshopId: values.workshopId, state }));
  },
  setVisibility: async (event) => {
    const values = formValues(await event.request.formData(), ['workshopId', 'visibility']);
    const visibility = VISIBILITIES.find((v) => v === values.visibility);
    if (!visibility) return invalidForm('Visibilité inconnue.', values);
    return run(values, () => gql(event, SetVisibilityMutation, { workshopId: values.workshopId, visibility }));
  },
  adopt: async (event) => {
    const values = formValues(await event.request.formData(), ['id']);
    return run(values, () => gql(event, AdoptMutation, { id: values.id }));
  },
  accept: async (event) => {
    const values = formValues(await event.request.formData(), ['id']);
    return run(values, () => gql(event, AcceptStakeMutation, { id: values.id }));
  },
  reject: async (event) => {
    const values = formValues(await event.request.formData(), ['id']);
    return run(values, () => gql(event, RejectStakeMutation, { id: values.id }));
  },
};
