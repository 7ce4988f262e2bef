import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { gql } from '$lib/graphql/gql.server';
import { SearchSuggestionsQuery } from '$lib/search/operations';

export type SearchSuggestion = { type: string; id: string; title: string; url: string };

/** JSON suggestions for the header search box (progressive enhancement of the plain GET form). */
export const GET: RequestHandler = async (event) => {
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (q.length < 2) return json([]);
  const { search } = await gql(event, SearchSuggestionsQuery, { q });
  const suggestions: SearchSuggestion[] = search.hits.map(({ type, id, title, url }) => ({ type, id, title, url }));
  return json(suggestions, { headers: { 'cache-control': 'private, max-age=30' } });
};
