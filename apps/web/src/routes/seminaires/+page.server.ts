import { redirect } from '@sveltejs/kit';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { CreateSeminarMutation, SeminarListQuery } from '$lib/seminars/operations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) return { seminars: null, canCreate: false };
  const { seminars } = await gqlLoad(event, SeminarListQuery);
  return { seminars: seminars.edges.map((e) => e.node), canCreate: user.role === 'FACILITATOR' || user.role === 'ADMIN' };
};

export const actions: Actions = {
  create: async (event) => {
    const values = formValues(await event.request.formData(), ['title', 'date', 'place']);
    if (!values.title) return invalidForm('Indiquez un titre.', values, ['title']);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return invalidForm('Indiquez une date.', values, ['date']);
    let id: string;
    try {
      const { createSeminar } = await gql(event, CreateSeminarMutation, {
        input: { title: values.title, date: new Date(`${values.date}T09:00:00`).toISOString(), place: values.place || null },
      });
      id = createSeminar.id;
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/seminaires/${id}/animation`);
  },
};
