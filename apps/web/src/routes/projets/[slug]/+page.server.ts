import { error, fail, redirect } from '@sveltejs/kit';
import { formFailure, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { loadProjectBlockers } from '$lib/blockers/project-blockers.server';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';
import {
  FollowProjectMutation,
  ProjectFollowingQuery,
  ProjectQuery,
  PublishProjectMutation,
  ReplicateProjectMutation,
  UnfollowProjectMutation,
} from '$lib/wiki/project-operations';
import { ApiError } from '$lib/graphql/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const [{ project }, blockers, { user }] = await Promise.all([
    gqlLoad(event, ProjectQuery, { slug: event.params.slug }),
    loadProjectBlockers(event, event.params.slug),
    event.parent(),
  ]);
  if (!project) error(404, { message: 'Fiche projet introuvable.', code: 'NOT_FOUND' });
  const following = user ? (await gqlLoad(event, ProjectFollowingQuery, { id: project.id })).isFollowing : false;
  const alreadyReplicated =
    !!user?.territory && (project.territory.code === user.territory.code || project.replications.some((r) => r.territory.code === user.territory?.code));
  return {
    project,
    blockers,
    replicateTerritory: user?.territory ? `${user.territory.name} (${user.territory.code})` : '',
    canReplicate: !!user && !alreadyReplicated,
    following,
  };
};

export const actions: Actions = {
  /** The form says what the visitor wants (follow or not), so sending it twice changes nothing. */
  follow: async (event) => {
    const form = await event.request.formData();
    const values = { action: 'follow' };
    const id = String(form.get('projectId') ?? '');
    try {
      if (form.get('follow') === 'true') await gql(event, FollowProjectMutation, { id });
      else await gql(event, UnfollowProjectMutation, { id });
    } catch (e) {
      return formFailure(e, values);
    }
    return { followed: form.get('follow') === 'true' };
  },
  /** Publishes a draft replication; failures come back as `publishError` (kept apart from the other forms). */
  publish: async (event) => {
    const form = await event.request.formData();
    try {
      await gql(event, PublishProjectMutation, { id: String(form.get('projectId') ?? '') });
    } catch (e) {
      return fail(400, { publishError: { message: e instanceof ApiError ? e.message : 'La publication a échoué.' } });
    }
    redirect(303, `/projets/${event.params.slug}`);
  },
  replicate: async (event) => {
    const form = await event.request.formData();
    const values = { sourceId: String(form.get('sourceId') ?? ''), territory: String(form.get('territory') ?? '').trim() };
    const choice = await resolveTerritory(event, values.territory);
    if ('problem' in choice || !choice.code) return invalidForm('Territoire introuvable : saisissez son nom ou son code INSEE.', values, ['territory']);
    let slug: string;
    try {
      slug = (await gql(event, ReplicateProjectMutation, { sourceId: values.sourceId, territoryCode: choice.code })).replicateProject.slug;
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/projets/${slug}`);
  },
};
