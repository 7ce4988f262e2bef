import { graphql } from '$lib/graphql/graphql';

export const SearchQuery = graphql(`
  query Search($q: String!, $types: [SearchType!], $themes: [Theme!], $territoryCode: String, $first: Int, $offset: Int) {
    search(q: $q, types: $types, themes: $themes, territoryCode: $territoryCode, first: $first, offset: $offset) {
      total
      engine
      indexing
      hits {
        type
        id
        title
        snippet
        url
        territoryName
        updatedAt
      }
      territories {
        type
        id
        title
        snippet
        url
      }
      facets {
        field
        values {
          value
          label
          count
        }
      }
    }
  }
`);

export const SearchSuggestionsQuery = graphql(`
  query SearchSuggestions($q: String!) {
    search(q: $q, first: 6) {
      hits {
        type
        id
        title
        url
        territoryName
      }
      territories {
        type
        id
        title
        url
      }
    }
  }
`);
