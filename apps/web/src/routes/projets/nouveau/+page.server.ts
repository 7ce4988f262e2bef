import { redirect } from '@sveltejs/kit';
import { formFailure, gql, invalidForm } from '$lib/graphql/gql.server';
import { CreateProjectMutation } from '$lib/wiki/project-operations';
import { readProjectForm } from '$lib/wiki/project-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  return { defaultTerritory: user.territory ? `${user.territory.name} (${user.territory.code})` : '' };
};

export const actions: Actions = {
  default: async (event) => {
    const parsed = await readProjectForm(event, await event.request.formData());
    if (parsed.problem) return invalidForm(parsed.problem.message, parsed.values, parsed.problem.fields);
    let slug: string;
    try {
      slug = (await gql(event, CreateProjectMutation, { input: parsed.input })).createProject.slug;
    } catch (e) {
      return formFailure(e, parsed.values);
    }
    redirect(303, `/projets/${slug}`);
  },
};
