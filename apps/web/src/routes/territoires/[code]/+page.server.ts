import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';
import { TerritoriesQuery, TerritoryQuery } from '$lib/territories/operations';
import { TerritoryProjectsQuery } from '$lib/wiki/project-operations';
import { TerritoryMapQuery } from '$lib/maps/operations';

const notFound: () => never = () => error(404, { message: 'Territoire introuvable.', code: 'NOT_FOUND' });

export const load: PageServerLoad = async (event) => {
  const code = event.params.code.toUpperCase();
  if (!/^[0-9A-Z]{2,9}$/.test(code)) notFound();
  // A département code is 2–3 characters: fetch its EPCI in parallel with the territory itself
  // (the EPCI query is refused for codes that are not départements: then there are none).
  const [{ territory }, epcis, wiki, map] = await Promise.all([
    gqlLoad(event, TerritoryQuery, { code }),
    code.length <= 3
      ? gql(event, TerritoriesQuery, { kind: 'EPCI', departement: code, first: 100 }).catch((e) => {
          if (isApiError(e) && e.code === 'BAD_USER_INPUT') return null;
          throw e;
        })
      : null,
    gqlLoad(event, TerritoryProjectsQuery, { code, first: 50 }),
    // The map is an extra: an error there (unknown code included) leaves the page as it was.
    gql(event, TerritoryMapQuery, { code }).then(
      (d) => d.territoryMap,
      () => null,
    ),
  ]);
  if (!territory) notFound();
  return {
    territory,
    epcis: territory.kind === 'DEPARTEMENT' && epcis ? epcis.territories.edges.map((e) => e.node) : [],
    projects: wiki.territory?.projects ?? null,
    map,
  };
};
