import { error } from '@sveltejs/kit';
import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { HideProjectRevisionMutation, ProjectDiffQuery, ProjectHistoryQuery, RestoreProjectMutation } from '$lib/wiki/project-operations';
import { loadDiff, readDiffRange, revisionActions } from '$lib/wiki/history.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const after = event.url.searchParams.get('apres') || null;
  const { project } = await gqlLoad(event, ProjectHistoryQuery, { slug: event.params.slug, first: 50, after });
  if (!project) error(404, { message: 'Fiche projet introuvable.', code: 'NOT_FOUND' });
  const range = readDiffRange(event.url, project.revision);
  const { diff, diffError } = await loadDiff(range, async (r) => (await gql(event, ProjectDiffQuery, { slug: event.params.slug, ...r })).project?.diff ?? null);
  return { item: project, diff, diffError, range };
};

export const actions: Actions = revisionActions({
  historyPath: (event) => `/projets/${event.params.slug}/historique`,
  restore: (event, variables) => gql(event, RestoreProjectMutation, variables),
  hide: (event, variables) => gql(event, HideProjectRevisionMutation, variables),
});
