import type { PageServerLoad } from './$types';
import { DEFAULT_DEPARTEMENT } from '@essaim/domain';
import { gqlLoad } from '$lib/graphql/gql.server';
import { TerritoriesQuery } from '$lib/territories/operations';
import { TERRITORY_KINDS, type TerritoryKind } from '$lib/territories/kinds';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const kindParam = params.get('type') ?? '';
  const kind = (TERRITORY_KINDS as readonly string[]).includes(kindParam) ? (kindParam as TerritoryKind) : null;
  // The Essonne by default; an explicitly empty field means all of France.
  const departement = (params.has('departement') ? (params.get('departement') ?? '') : DEFAULT_DEPARTEMENT).trim().slice(0, 3);
  const after = params.get('apres') || null;

  const { territories } = await gqlLoad(event, TerritoriesQuery, {
    search: q || null,
    kind,
    departement: departement || null,
    first: PAGE_SIZE,
    after,
  });
  return { filters: { q, kind: kind ?? '', departement }, after, territories };
};
