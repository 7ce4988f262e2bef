import type { RequestEvent } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { ProjectBlockersQuery } from './operations';
import type { ProjectWithBlockers } from './types';

/** For the project page's load function: the sheet's blockers, for <ProjectBlockers>. */
export async function loadProjectBlockers(
  event: Pick<RequestEvent, 'cookies' | 'getClientAddress' | 'request'>,
  slug: string,
): Promise<ProjectWithBlockers | null> {
  return (await gqlLoad(event, ProjectBlockersQuery, { slug })).project;
}
