import type { RequestEvent } from '@sveltejs/kit';
import type { VariablesOf } from '$lib/graphql/graphql';
import { gql } from '$lib/graphql/gql.server';
import type { ComparisonQuery } from '$lib/benchmark/operations';
import { ComparisonMapQuery } from './operations';
import type { MapData } from './types';

export type MapLevelParam = 'COMMUNE' | 'EPCI' | '';

/** `?niveau=EPCI` on /comparer; anything else means "the default for the territory". */
export function readMapLevel(params: URLSearchParams): MapLevelParam {
  const value = params.get('niveau');
  return value === 'EPCI' || value === 'COMMUNE' ? value : '';
}

/**
 * The comparison's map, fetched beside the comparison itself (same variables). A failure here
 * only hides the map: the comparison shows its own error.
 */
export async function loadComparisonMap(
  event: Pick<RequestEvent, 'cookies' | 'getClientAddress' | 'request'>,
  variables: VariablesOf<typeof ComparisonQuery>,
  indicatorCode: string,
  level: MapLevelParam,
): Promise<MapData | null> {
  try {
    const data = await gql(event, ComparisonMapQuery, { ...variables, indicatorCode: indicatorCode || null, level: level || null });
    return data.comparison.map ?? null;
  } catch {
    return null;
  }
}
