import type { PageServerLoad } from './$types';
import { gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';
import { SearchQuery } from '$lib/search/operations';
import { PAGE_SIZE, parseFilters } from '$lib/search/filters';

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const searched = filters.q !== '' || filters.types.length > 0 || filters.themes.length > 0 || filters.territoryCode !== null;
  if (!searched) return { filters, result: null, error: null };
  try {
    const { search } = await gql(event, SearchQuery, {
      q: filters.q,
      types: filters.types.length ? filters.types : null,
      themes: filters.themes.length ? filters.themes : null,
      territoryCode: filters.territoryCode,
      first: PAGE_SIZE,
      offset: filters.offset,
    });
    return { filters, result: search, error: null };
  } catch (e) {
    // Invalid input or the engine being down: show the API's French message on the page, keep the form.
    if (isApiError(e)) return { filters, result: null, error: e.message };
    throw e;
  }
};
