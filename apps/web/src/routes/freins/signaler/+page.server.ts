import { error, redirect } from '@sveltejs/kit';
import { BLOCKER_CATEGORIES, BLOCKER_SEVERITIES, type BlockerCategory, type BlockerSeverity } from '@essaim/domain';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { ProjectForReportQuery, ReportBlockerMutation } from '$lib/blockers/operations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  const slug = (event.url.searchParams.get('projet') ?? '').trim().slice(0, 120);
  if (!slug) error(400, { message: 'Indiquez le projet concerné (paramètre « projet »).', code: 'BAD_USER_INPUT' });
  const { project } = await gqlLoad(event, ProjectForReportQuery, { slug });
  if (!project) error(404, { message: 'Projet introuvable.', code: 'NOT_FOUND' });
  return { project };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form, ['projectId', 'slug', 'category', 'severity', 'description', 'openedAt', 'confidential']);
    if (!(BLOCKER_CATEGORIES as readonly string[]).includes(values.category)) return invalidForm('Choisissez une catégorie.', values, ['category']);
    if (!(BLOCKER_SEVERITIES as readonly string[]).includes(values.severity)) return invalidForm('Choisissez une gravité.', values, ['severity']);
    if (values.description.length < 10) return invalidForm('Décrivez le frein en au moins 10 caractères.', values, ['description']);
    if (values.openedAt && !/^\d{4}-\d{2}-\d{2}$/.test(values.openedAt)) return invalidForm('Date de début invalide.', values, ['openedAt']);
    let id: string;
    try {
      const data = await gql(event, ReportBlockerMutation, {
        projectId: values.projectId,
        input: {
          category: values.category as BlockerCategory,
          severity: values.severity as BlockerSeverity,
          description: values.description,
          confidential: values.confidential === 'on',
          openedAt: values.openedAt ? `${values.openedAt}T00:00:00.000Z` : null,
        },
      });
      id = data.reportBlocker.id;
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/freins/${id}?signale=1`);
  },
};
