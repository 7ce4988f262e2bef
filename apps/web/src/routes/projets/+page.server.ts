import { isProjectStage, isTheme } from '@essaim/domain';
import { gqlLoad } from '$lib/graphql/gql.server';
import { ProjectsQuery } from '$lib/wiki/project-operations';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const themes = params.getAll('theme').filter(isTheme);
  const stageParam = params.get('etape') ?? '';
  const stage = isProjectStage(stageParam) ? stageParam : null;
  const territoryParam = (params.get('territoire') ?? '').trim().toUpperCase();
  const territoryCode = /^[0-9A-Z]{2,12}$/.test(territoryParam) ? territoryParam : null;
  const blockedParam = params.get('bloque');
  const blocked = blockedParam === 'oui' ? true : blockedParam === 'non' ? false : null;
  const after = params.get('apres') || null;
  const { projects } = await gqlLoad(event, ProjectsQuery, {
    filter: { themes: themes.length ? themes : null, stage, territoryCode, blocked },
    first: PAGE_SIZE,
    after,
  });
  const next = new URLSearchParams(params);
  next.set('apres', projects.pageInfo.endCursor ?? '');
  const first = new URLSearchParams(params);
  first.delete('apres');
  return {
    projects,
    filters: { themes, stage: stage ?? '', territory: territoryCode ?? '', blocked: blockedParam ?? '' },
    nextQuery: projects.pageInfo.hasNextPage ? next.toString() : null,
    firstQuery: after ? first.toString() : null,
  };
};
