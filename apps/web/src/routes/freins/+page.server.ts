import { DEFAULT_DEPARTEMENT, isTheme, type Theme } from '@essaim/domain';
import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { BlockerMapQuery } from '$lib/maps/operations';
import { BlockerStatsQuery, EpcisQuery } from '$lib/blockers/operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  // The Essonne by default; an explicitly empty field means all of France.
  const departementParam = (params.has('departement') ? (params.get('departement') ?? '') : DEFAULT_DEPARTEMENT).trim();
  const departement = /^(\d{2,3}|2[AB])$/.test(departementParam) ? departementParam : '';
  const epciParam = (params.get('epci') ?? '').trim();
  const epci = /^\d{9}$/.test(epciParam) ? epciParam : '';
  const themeParam = params.get('theme') ?? '';
  const theme: Theme | null = isTheme(themeParam) ? themeParam : null;

  const [{ blockerStats }, epcis, map] = await Promise.all([
    gqlLoad(event, BlockerStatsQuery, { departement: departement || null, epci: epci || null, theme }),
    departement ? gqlLoad(event, EpcisQuery, { departement }).then((d) => d.territories.edges.map((e) => e.node)) : Promise.resolve([]),
    departement ? gql(event, BlockerMapQuery, { departement, theme }).then((d) => d.blockerMap, () => null) : Promise.resolve(null),
  ]);
  const csvQuery = new URLSearchParams();
  if (departement) csvQuery.set('departement', departement);
  if (epci) csvQuery.set('epci', epci);
  if (theme) csvQuery.set('theme', theme);
  return { filters: { departement, epci, theme: theme ?? '' }, stats: blockerStats, epcis, csvQuery: csvQuery.toString(), map };
};
