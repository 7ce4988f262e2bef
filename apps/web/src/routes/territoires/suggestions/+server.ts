import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { gql } from '$lib/graphql/gql.server';
import { TerritoriesQuery } from '$lib/territories/operations';

export type TerritorySuggestion = { code: string; name: string; kind: string; departement: string | null };

/** JSON suggestions for the territory picker (progressive enhancement of a plain text field). */
export const GET: RequestHandler = async (event) => {
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  if (q.length < 2) return json([]);
  const { territories } = await gql(event, TerritoriesQuery, { search: q, first: 8 });
  const suggestions: TerritorySuggestion[] = territories.edges.map(({ node }) => ({
    code: node.code,
    name: node.name,
    kind: node.kind,
    departement: node.departement?.code ?? null,
  }));
  return json(suggestions, { headers: { 'cache-control': 'private, max-age=60' } });
};
