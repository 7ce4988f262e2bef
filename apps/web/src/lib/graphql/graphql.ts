import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents: `graphql(\`query …\`)` is checked against apps/api/schema.gql
 * (`npm run -w @essaim/web gql:generate` after the schema changes; `typecheck` runs `gql.tada check`).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
  // Fragments are for reuse, not for hiding fields: results keep every selected field.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
