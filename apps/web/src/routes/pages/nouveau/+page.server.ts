import { redirect } from '@sveltejs/kit';
import { formFailure, gql, invalidForm } from '$lib/graphql/gql.server';
import { CreatePageMutation } from '$lib/wiki/page-operations';
import { parentChoices, readPageForm } from '$lib/wiki/page-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  return { parents: await parentChoices(event), title: (event.url.searchParams.get('titre') ?? '').slice(0, 200) };
};

export const actions: Actions = {
  default: async (event) => {
    const { values, input } = readPageForm(await event.request.formData());
    if (!values.title) return invalidForm('Indiquez un titre.', values, ['title']);
    let slug: string;
    try {
      slug = (await gql(event, CreatePageMutation, { input })).createPage.slug;
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/pages/${slug}`);
  },
};
