import { graphql } from '$lib/graphql/graphql';
import { MapFields } from '$lib/maps/operations';
import { ComparisonFields, ComparisonRowFields } from './comparison-fields';

/** The whole Comparer page in one request: the comparison and its choropleth (same peers, same year). */
export const ComparisonQuery = graphql(
  `
    query Comparison(
      $territoryCode: String!
      $peerGroup: PeerGroup!
      $peerCodes: [String!]
      $peerListId: ID
      $departements: [String!]
      $scope: PeerScope
      $year: Int
      $mapIndicator: String
      $mapLevel: MapLevel
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
        peerCount
        peerScope
        years
        rows {
          ...ComparisonRowFields
          indicator {
            id
            description
          }
          gap
          peerValues {
            territory {
              code
              name
            }
            value
            rank
          }
          series {
            year
            value
            peerMedian
            peerCount
          }
          peerProjects {
            id
            slug
            title
            territory {
              code
              name
            }
          }
          source {
            url
            licence
          }
        }
        maturity {
          year
          rows {
            theme
            score
            justification
            assessedYear
            peerMedian
            peerCount
          }
        }
        map(indicatorCode: $mapIndicator, level: $mapLevel) {
          ...MapFields
        }
      }
    }
  `,
  [MapFields, ComparisonFields, ComparisonRowFields],
);

export const MyPeerListsQuery = graphql(`
  query MyPeerLists {
    myPeerLists {
      id
      name
      peerCodes
    }
  }
`);

export const SavePeerListMutation = graphql(`
  mutation SavePeerList($name: String!, $peerCodes: [String!]!) {
    savePeerList(name: $name, peerCodes: $peerCodes) {
      id
      name
    }
  }
`);

export const IndicatorsQuery = graphql(`
  query Indicators {
    indicators {
      id
      code
      name
      unit
      inputUnit
      description
      higherIsBetter
      theme
      perInhabitants
      minValue
      maxValue
    }
  }
`);

export const SetIndicatorValueMutation = graphql(`
  mutation SetIndicatorValue($indicatorCode: String!, $territoryCode: String!, $year: Int!, $value: Float!, $source: String) {
    setIndicatorValue(indicatorCode: $indicatorCode, territoryCode: $territoryCode, year: $year, value: $value, source: $source) {
      id
      year
      value
      rawValue
      indicator {
        name
        unit
      }
      territory {
        name
      }
    }
  }
`);

export const ImportIndicatorValuesMutation = graphql(`
  mutation ImportIndicatorValues($csv: String!, $dryRun: Boolean!) {
    importIndicatorValues(csv: $csv, dryRun: $dryRun) {
      imported
      valid
      dryRun
      errors {
        line
        message
      }
    }
  }
`);

export const SetMaturityScoreMutation = graphql(`
  mutation SetMaturityScore($territoryCode: String!, $theme: Theme!, $year: Int!, $score: Int!, $justification: String!) {
    setMaturityScore(territoryCode: $territoryCode, theme: $theme, year: $year, score: $score, justification: $justification) {
      id
      theme
      year
      score
    }
  }
`);
