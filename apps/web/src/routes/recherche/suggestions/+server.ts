import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { gql } from '$lib/graphql/gql.server';
import { SearchSuggestionsQuery } from '$lib/search/operations';

/** `detail` tells apart two sheets with the same title (their territory). */
export type SearchSuggestion = { type: string; id: string; title: string; url: string; detail?: string | null };

/** JSON suggestions for the header search box (progressive enhancement of the plain GET form). */
export const GET: RequestHandler = async (event) => {
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (q.length < 2) return json([]);
  const { search } = await gql(event, SearchSuggestionsQuery, { q });
  // Content first; two territories at most after it, so a commune's name never pushes the sheets out.
  const suggestions: SearchSuggestion[] = [
    ...search.hits.map(({ type, id, title, url, territoryName }) => ({ type, id, title, url, detail: territoryName })),
    ...search.territories.slice(0, 2).map(({ type, id, title, url }) => ({ type, id, title, url })),
  ];
  return json(suggestions, { headers: { 'cache-control': 'private, max-age=30' } });
};
