import { error, redirect } from '@sveltejs/kit';
import { formFailure, gql, gqlLoad } from '$lib/graphql/gql.server';
import { HideProjectRevisionMutation, ProjectDiffQuery, ProjectHistoryQuery, RestoreProjectMutation } from '$lib/wiki/operations';
import { loadDiff, readDiffRange, readRevisionAction } from '$lib/wiki/history.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const after = event.url.searchParams.get('apres') || null;
  const { project } = await gqlLoad(event, ProjectHistoryQuery, { slug: event.params.slug, first: 50, after });
  if (!project) error(404, { message: 'Fiche projet introuvable.', code: 'NOT_FOUND' });
  const range = readDiffRange(event.url, project.revision);
  const { diff, diffError } = await loadDiff(range, async (r) => (await gql(event, ProjectDiffQuery, { slug: event.params.slug, ...r })).project?.diff ?? null);
  return { item: project, diff, diffError, range };
};

export const actions: Actions = {
  restore: async (event) => {
    const { id, revision, values } = await readRevisionAction(event);
    try {
      await gql(event, RestoreProjectMutation, { id, revision });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/projets/${event.params.slug}/historique?restauree=${revision}`);
  },
  hide: async (event) => {
    const { id, revision, hidden, reason, values } = await readRevisionAction(event);
    try {
      await gql(event, HideProjectRevisionMutation, { id, revision, hidden, reason });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/projets/${event.params.slug}/historique`);
  },
};
