import { error, redirect } from '@sveltejs/kit';
import { gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { saveFromBase } from '$lib/wiki/document-save.server';
import { ProjectEditQuery, UpdateProjectMutation } from '$lib/wiki/project-operations';
import { projectToValues } from '$lib/wiki/project-form';
import { readProjectForm } from '$lib/wiki/project-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  const { project } = await gqlLoad(event, ProjectEditQuery, { slug: event.params.slug });
  if (!project) error(404, { message: 'Fiche projet introuvable.', code: 'NOT_FOUND' });
  if (!project.viewerCanEdit)
    error(403, { message: 'Seuls les membres de la collectivité porteuse et la modération peuvent modifier cette fiche.', code: 'FORBIDDEN' });
  return { project, values: projectToValues(project) };
};

export const actions: Actions = {
  default: async (event) => {
    const { project } = await gqlLoad(event, ProjectEditQuery, { slug: event.params.slug });
    if (!project) error(404, { message: 'Fiche projet introuvable.', code: 'NOT_FOUND' });
    const parsed = await readProjectForm(event, await event.request.formData());
    if (parsed.problem) return invalidForm(parsed.problem.message, parsed.values, parsed.problem.fields);
    const { input } = parsed;
    const saved = await saveFromBase(
      parsed.values,
      async (baseRevision, comment) => (await gql(event, UpdateProjectMutation, { id: project.id, baseRevision, input, comment })).updateProject.slug,
    );
    if (saved.failure) return saved.failure;
    redirect(303, `/projets/${saved.slug}`);
  },
};
