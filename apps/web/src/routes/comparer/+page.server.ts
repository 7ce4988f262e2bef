import type { PeerGroup } from '@essaim/domain';
import { ApiError } from '$lib/graphql/errors';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { ComparisonQuery, MyPeerListsQuery, SavePeerListMutation } from '$lib/benchmark/operations';
import { looksLikeCommune, readFilters, splitCodes } from '$lib/benchmark/params';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';
import type { ComparisonData } from '$lib/benchmark/types';
import { mapIndicatorParam, onlyMapFailed, readMapLevel } from '$lib/maps/comparison-map.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  const filters = readFilters(event.url.searchParams);
  const savedLists = user
    ? gql(event, MyPeerListsQuery)
        .then((d) => d.myPeerLists)
        .catch(() => [])
    : Promise.resolve([]);

  let code: string | null = null;
  let problem: { kind: 'unknown' | 'ambiguous'; text: string } | null = null;
  if (filters.territoire) {
    const choice = await resolveTerritory(event, filters.territoire);
    if ('problem' in choice) problem = { kind: choice.problem, text: filters.territoire };
    else code = choice.code;
  } else code = user?.territory?.code ?? null;

  const group: PeerGroup = filters.groupe || (filters.pairs || filters.liste ? 'CUSTOM' : code && looksLikeCommune(code) ? 'SAME_EPCI' : 'POPULATION_BAND');
  let comparison: ComparisonData | null = null;
  let apiError: string | null = null;
  const mapLevel = readMapLevel(event.url.searchParams);
  if (code) {
    const custom = group === 'CUSTOM';
    const variables = {
      territoryCode: code,
      peerGroup: group,
      peerCodes: custom && !filters.liste ? splitCodes(filters.pairs) : null,
      peerListId: custom && filters.liste ? filters.liste : null,
      year: filters.annee ? Number(filters.annee) : null,
      departements: group === 'POPULATION_BAND' && filters.departements ? splitCodes(filters.departements) : null,
      scope: group === 'POPULATION_BAND' && !filters.departements && filters.perimetre ? filters.perimetre : null,
      mapIndicator: mapIndicatorParam(filters.indicateur),
      mapLevel: mapLevel || null,
    };
    // One request for the comparison and its map (the map field reuses the comparison).
    try {
      ({ comparison } = await gql(event, ComparisonQuery, variables));
    } catch (e) {
      if (!(e instanceof ApiError) || e.code === 'UNAVAILABLE') throw e;
      // An unknown indicator in a shared link only costs the map its choice: draw the default one.
      if (variables.mapIndicator && onlyMapFailed(e.errors)) {
        try {
          ({ comparison } = await gql(event, ComparisonQuery, { ...variables, mapIndicator: null }));
        } catch (again) {
          if (!(again instanceof ApiError) || again.code === 'UNAVAILABLE') throw again;
          apiError = again.message;
        }
      } else apiError = e.message;
    }
  }

  const csv = new URLSearchParams();
  if (comparison) {
    csv.set('territory', comparison.territory.code);
    csv.set('group', comparison.peerGroup);
    if (comparison.peerGroup === 'CUSTOM') csv.set('peers', comparison.peers.map((p) => p.code).join(','));
    if (comparison.peerGroup === 'POPULATION_BAND' && filters.departements) csv.set('departements', splitCodes(filters.departements).join(','));
    else if (comparison.peerScope) csv.set('scope', comparison.peerScope);
    csv.set('year', String(comparison.year));
  }
  const chartRow =
    comparison?.rows.find((r) => r.indicator.code === filters.indicateur) ?? comparison?.rows.find((r) => r.lagging) ?? comparison?.rows[0] ?? null;
  return {
    map: comparison?.map ?? null,
    filters: {
      ...filters,
      niveau: mapLevel,
      groupe: group,
      territoire: filters.territoire || (comparison ? `${comparison.territory.name} (${comparison.territory.code})` : ''),
    },
    comparison,
    chartIndicator: chartRow?.indicator.code ?? '',
    problem,
    apiError,
    savedLists: await savedLists,
    csvQuery: csv.toString(),
  };
};

export const actions: Actions = {
  saveList: async (event) => {
    const values = formValues(await event.request.formData(), ['name', 'peerCodes']);
    if (!values.name) return invalidForm('Donnez un nom à la liste.', values, ['name']);
    const peerCodes = splitCodes(values.peerCodes);
    if (peerCodes.length === 0) return invalidForm('La liste de pairs est vide.', values, ['name']);
    try {
      const { savePeerList } = await gql(event, SavePeerListMutation, { name: values.name, peerCodes });
      return { saved: savePeerList.name };
    } catch (e) {
      return formFailure(e, values);
    }
  },
};
