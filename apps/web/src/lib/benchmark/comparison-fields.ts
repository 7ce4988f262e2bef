import { graphql } from '$lib/graphql/graphql';

/*
 * What the Comparer page and the one-page briefing both show of a comparison. Each query adds
 * what only it shows (the Comparer: series, peer values and projects, maturity). Lists (`rows`)
 * are selected by the queries themselves, with ComparisonRowFields inside: a fragment selecting
 * a list that the query selects again would type it as an intersection of two arrays.
 */

/** Per indicator: its description, the territory's value, rank, median and best peer, the figure's source. */
export const ComparisonRowFields = graphql(`
  fragment ComparisonRowFields on ComparisonRow {
    indicator {
      code
      name
      unit
      higherIsBetter
      theme
      source
    }
    isDemo
    source {
      name
      vintage
      isDemo
    }
    value
    rank
    outOf
    peerMedian
    best {
      code
      name
    }
    bestValue
    lagging
  }
`);

/** The territory compared, its peers and the sources of the figures. */
export const ComparisonFields = graphql(`
  fragment ComparisonFields on Comparison {
    territory {
      code
      name
      kind
      population
    }
    peers {
      code
      name
      population
    }
    peerGroup
    peerDescription
    year
    sources {
      name
      url
      licence
      vintage
      isDemo
    }
  }
`);
