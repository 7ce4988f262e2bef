import { graphql } from '$lib/graphql/graphql';

export const BlockerSummary = graphql(`
  fragment BlockerSummary on Blocker {
    id
    category
    severity
    status
    description
    descriptionHidden
    confidential
    resolution
    openedAt
    resolvedAt
    canUpdate
  }
`);

/** For the "Freins" section of a project page. */
export const ProjectBlockersQuery = graphql(
  `
    query ProjectBlockers($slug: String!) {
      project(slug: $slug) {
        id
        slug
        isBlocked
        territory {
          code
        }
        blockers {
          ...BlockerSummary
          suggestions {
            id
          }
        }
      }
    }
  `,
  [BlockerSummary],
);

export const BlockerQuery = graphql(
  `
    query Blocker($id: ID!) {
      blocker(id: $id) {
        ...BlockerSummary
        revision
        nextStatuses
        reportedBy {
          displayName
        }
        resolvedBy {
          displayName
        }
        project {
          id
          slug
          title
          themes
          isBlocked
          territory {
            code
            name
          }
        }
        timeline {
          id
          kind
          previousStatus
          status
          categoryBefore
          categoryAfter
          severityBefore
          severityAfter
          descriptionEdited
          previousDescription
          resolution
          comment
          at
          author {
            displayName
          }
        }
        suggestions {
          id
          category
          status
          resolution
          resolvedAt
          resolvedBy {
            displayName
            territory {
              name
            }
          }
          project {
            slug
            title
            territory {
              code
              name
              population
            }
          }
        }
      }
    }
  `,
  [BlockerSummary],
);

export const ProjectForReportQuery = graphql(`
  query ProjectForReport($slug: String!) {
    project(slug: $slug) {
      id
      slug
      title
      territory {
        code
        name
      }
    }
  }
`);

export const ReportBlockerMutation = graphql(`
  mutation ReportBlocker($projectId: ID!, $input: BlockerInput!) {
    reportBlocker(projectId: $projectId, input: $input) {
      id
    }
  }
`);

export const UpdateBlockerMutation = graphql(`
  mutation UpdateBlocker($id: ID!, $status: BlockerStatus!, $resolution: String, $comment: String) {
    updateBlocker(id: $id, status: $status, resolution: $resolution, comment: $comment) {
      id
      status
    }
  }
`);

export const EditBlockerMutation = graphql(`
  mutation EditBlocker($id: ID!, $input: BlockerEditInput!, $baseRevision: Int!) {
    editBlocker(id: $id, input: $input, baseRevision: $baseRevision) {
      id
      revision
    }
  }
`);

export const BlockerStatsQuery = graphql(`
  query BlockerStats($departement: String, $epci: String, $theme: Theme) {
    blockerStats(departement: $departement, epci: $epci, theme: $theme) {
      total
      open
      lifted
      abandoned
      medianDaysToLift
      byCategory {
        category
        open
        lifted
        workedAround
        abandoned
        medianDaysToLift
      }
      byTheme {
        theme
        open
        lifted
        total
      }
      politicalVsResources {
        political
        resources
        other
        politicalShare
        resourcesShare
      }
      trend {
        month
        opened
        lifted
      }
    }
  }
`);

export const EpcisQuery = graphql(`
  query BlockerEpcis($departement: String) {
    territories(kind: EPCI, departement: $departement, first: 100) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

export const BlockersListQuery = graphql(`
  query BlockersList(
    $first: Int
    $after: String
    $departement: String
    $epci: String
    $theme: Theme
    $category: BlockerCategory
    $status: BlockerStatus
    $severity: BlockerSeverity
    $sort: BlockerSort
  ) {
    blockers(
      first: $first
      after: $after
      departement: $departement
      epci: $epci
      theme: $theme
      category: $category
      status: $status
      severity: $severity
      sort: $sort
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          category
          severity
          status
          openedAt
          resolvedAt
          project {
            slug
            title
            territory {
              code
              name
            }
          }
        }
      }
    }
  }
`);
