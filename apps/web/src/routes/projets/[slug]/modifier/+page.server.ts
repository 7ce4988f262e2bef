import { error, redirect } from '@sveltejs/kit';
import { formFailure, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { ProjectEditQuery, UpdateProjectMutation } from '$lib/wiki/operations';
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
    const baseRevision = Number(parsed.values.baseRevision);
    if (!Number.isInteger(baseRevision) || baseRevision < 1) return invalidForm('Révision de départ manquante : rechargez la page.', parsed.values);
    let slug: string;
    try {
      slug = (await gql(event, UpdateProjectMutation, { id: project.id, baseRevision, input: parsed.input, comment: parsed.values.comment || null }))
        .updateProject.slug;
    } catch (e) {
      const failure = formFailure(e, parsed.values);
      // On CONFLICT the next save starts from the revision the user has now seen.
      const current = failure.data.error.extensions.currentRevision;
      if (failure.data.error.code === 'CONFLICT' && typeof current === 'number') failure.data.values.baseRevision = String(current);
      return failure;
    }
    redirect(303, `/projets/${slug}`);
  },
};
