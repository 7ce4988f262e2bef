import { ComparisonFields, ComparisonRowFields } from '$lib/benchmark/comparison-fields';
import { graphql } from '$lib/graphql/graphql';

/** Everything a map component draws: the areas (projected on the server), the legend, the outlines' source. */
export const MapFields = graphql(`
  fragment MapFields on TerritoryMap {
    width
    height
    level
    departementCode
    departementName
    indicatorCode
    noDataCount
    missingOutlines
    sources {
      name
      licence
      vintage
    }
    isDemo
    valueSources {
      name
      licence
      vintage
      isDemo
    }
    legend {
      index
      min
      max
      count
    }
    areas {
      code
      name
      kind
      d
      value
      classIndex
      highlighted
      peer
    }
  }
`);

export const TerritoryMapQuery = graphql(
  `
    query TerritoryMap($code: ID!) {
      territoryMap(code: $code) {
        ...MapFields
      }
    }
  `,
  [MapFields],
);

export const BlockerMapQuery = graphql(
  `
    query BlockerMap($departement: String!, $theme: Theme) {
      blockerMap(departement: $departement, theme: $theme) {
        ...MapFields
      }
    }
  `,
  [MapFields],
);

/** The one-page briefing: the comparison, its rows and the map of the chosen indicator. */
export const BriefingQuery = graphql(
  `
    query Briefing(
      $territoryCode: String!
      $peerGroup: PeerGroup!
      $peerCodes: [String!]
      $peerListId: ID
      $departements: [String!]
      $scope: PeerScope
      $year: Int
      $indicatorCode: String
    ) {
      comparison(
        territoryCode: $territoryCode
        peerGroup: $peerGroup
        peerCodes: $peerCodes
        peerListId: $peerListId
        departements: $departements
        scope: $scope
        year: $year
      ) {
        ...ComparisonFields
        rows {
          ...ComparisonRowFields
        }
        map(indicatorCode: $indicatorCode) {
          ...MapFields
        }
      }
    }
  `,
  [MapFields, ComparisonFields, ComparisonRowFields],
);
