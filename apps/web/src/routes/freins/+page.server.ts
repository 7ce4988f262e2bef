import { BLOCKER_CATEGORIES, BLOCKER_SEVERITIES, BLOCKER_STATUSES, DEFAULT_DEPARTEMENT, isTheme, type Theme } from '@essaim/domain';
import { gql, gqlLoad } from '$lib/graphql/gql.server';
import { BlockerMapQuery } from '$lib/maps/operations';
import { BlockersListQuery, BlockerStatsQuery, EpcisQuery } from '$lib/blockers/operations';
import type { PageServerLoad } from './$types';

const BLOCKER_SORTS = ['ACTIVE_FIRST', 'NEWEST', 'OLDEST', 'SEVERITY', 'RECENTLY_RESOLVED'] as const;
const PAGE_SIZE = 20;

/** A query parameter kept only when it is one of the allowed values. */
function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null;
}

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  // The Essonne by default; an explicitly empty field means all of France.
  const departementParam = (params.has('departement') ? (params.get('departement') ?? '') : DEFAULT_DEPARTEMENT).trim();
  const departement = /^(\d{2,3}|2[AB])$/.test(departementParam) ? departementParam : '';
  const epciParam = (params.get('epci') ?? '').trim();
  const epci = /^\d{9}$/.test(epciParam) ? epciParam : '';
  const themeParam = params.get('theme') ?? '';
  const theme: Theme | null = isTheme(themeParam) ? themeParam : null;
  const category = oneOf(params.get('categorie'), BLOCKER_CATEGORIES);
  const status = oneOf(params.get('statut'), BLOCKER_STATUSES);
  const severity = oneOf(params.get('gravite'), BLOCKER_SEVERITIES);
  const sort = oneOf(params.get('tri'), BLOCKER_SORTS) ?? 'ACTIVE_FIRST';
  const after = /^[A-Za-z0-9_-]{1,64}$/.test(params.get('apres') ?? '') ? params.get('apres') : null;

  const scope = { departement: departement || null, epci: epci || null, theme };
  const [{ blockerStats }, { blockers }, epcis, map] = await Promise.all([
    gqlLoad(event, BlockerStatsQuery, scope),
    gqlLoad(event, BlockersListQuery, { ...scope, category, status, severity, sort, first: PAGE_SIZE, after }),
    departement ? gqlLoad(event, EpcisQuery, { departement }).then((d) => d.territories.edges.map((e) => e.node)) : Promise.resolve([]),
    departement
      ? gql(event, BlockerMapQuery, { departement, theme }).then(
          (d) => d.blockerMap,
          () => null,
        )
      : Promise.resolve(null),
  ]);
  const csvQuery = new URLSearchParams();
  if (departement) csvQuery.set('departement', departement);
  if (epci) csvQuery.set('epci', epci);
  if (theme) csvQuery.set('theme', theme);
  // Every filter as it stands, to build "next page" and "back to the start" links.
  const listQuery = new URLSearchParams({ departement });
  if (epci) listQuery.set('epci', epci);
  if (theme) listQuery.set('theme', theme);
  if (category) listQuery.set('categorie', category);
  if (status) listQuery.set('statut', status);
  if (severity) listQuery.set('gravite', severity);
  if (sort !== 'ACTIVE_FIRST') listQuery.set('tri', sort);
  return {
    filters: { departement, epci, theme: theme ?? '', category: category ?? '', status: status ?? '', severity: severity ?? '', sort },
    stats: blockerStats,
    blockers,
    paged: !!after,
    epcis,
    csvQuery: csvQuery.toString(),
    listQuery: listQuery.toString(),
    map,
  };
};
