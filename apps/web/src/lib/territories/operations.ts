import { graphql } from '$lib/graphql/graphql';

export const TerritoryListItem = graphql(`
  fragment TerritoryListItem on Territory {
    code
    name
    kind
    population
  }
`);

export const TerritoriesQuery = graphql(
  `
    query Territories($kind: TerritoryKind, $departement: String, $search: String, $first: Int, $after: String) {
      territories(kind: $kind, departement: $departement, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...TerritoryListItem
            departement {
              code
              name
            }
          }
        }
      }
    }
  `,
  [TerritoryListItem],
);

export const TerritoryQuery = graphql(
  `
    query Territory($code: ID!) {
      territory(code: $code) {
        ...TerritoryListItem
        departement {
          code
          name
        }
        epci {
          code
          name
        }
        region {
          code
          name
        }
        members {
          ...TerritoryListItem
        }
      }
    }
  `,
  [TerritoryListItem],
);
