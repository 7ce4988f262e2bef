import { error } from '@sveltejs/kit';
import type { PeerGroup } from '@essaim/domain';
import { gqlLoad } from '$lib/graphql/gql.server';
import { looksLikeCommune, readFilters, splitCodes } from '$lib/benchmark/params';
import { mapIndicatorParam } from '$lib/maps/comparison-map.server';
import { BriefingQuery } from '$lib/maps/operations';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';
import type { PageServerLoad } from './$types';

/** The one-page briefing: /comparer/fiche?territoire=91228 (same peer parameters as /comparer). */
export const load: PageServerLoad = async (event) => {
  const filters = readFilters(event.url.searchParams);
  const choice = filters.territoire ? await resolveTerritory(event, filters.territoire) : { code: null };
  if (!('code' in choice) || !choice.code) {
    error(404, { message: 'Territoire introuvable : précisez-le, par exemple /comparer/fiche?territoire=91228.', code: 'NOT_FOUND' });
  }
  const code = choice.code;
  const group: PeerGroup = filters.groupe || (filters.pairs || filters.liste ? 'CUSTOM' : looksLikeCommune(code) ? 'SAME_EPCI' : 'POPULATION_BAND');
  const custom = group === 'CUSTOM';
  // The same peer selection as /comparer (which links here with its parameters).
  const { comparison } = await gqlLoad(event, BriefingQuery, {
    territoryCode: code,
    peerGroup: group,
    peerCodes: custom && !filters.liste ? splitCodes(filters.pairs) : null,
    peerListId: custom && filters.liste ? filters.liste : null,
    departements: group === 'POPULATION_BAND' && filters.departements ? splitCodes(filters.departements) : null,
    scope: group === 'POPULATION_BAND' && !filters.departements && filters.perimetre ? filters.perimetre : null,
    year: filters.annee ? Number(filters.annee) : null,
    indicatorCode: mapIndicatorParam(filters.indicateur),
  });
  const back = new URLSearchParams(event.url.searchParams);
  back.set('territoire', code);
  return { comparison, backHref: `/comparer?${back}`, generatedAt: new Date().toISOString() };
};
