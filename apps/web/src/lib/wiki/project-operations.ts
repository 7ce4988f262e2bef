import { graphql } from '$lib/graphql/graphql';
import { RevisionDiffChunks, Revisions } from './document-operations';

/** Project sheets: lists, the sheet, following, editing from a base revision, replication, history. */

export const ProjectSummary = graphql(`
  fragment ProjectSummary on Project {
    id
    slug
    title
    summary
    themes
    stage
    isBlocked
    isDemo
    revision
    updatedAt
    territory {
      code
      name
    }
    replicatedFrom {
      slug
      title
    }
  }
`);

export const ProjectsQuery = graphql(
  `
    query WikiProjects($filter: ProjectFilter, $first: Int, $after: String) {
      projects(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...ProjectSummary
          }
        }
      }
    }
  `,
  [ProjectSummary],
);

export const ProjectSheet = graphql(`
  fragment ProjectSheet on Project {
    id
    slug
    title
    summary
    body
    themes
    stage
    budgetEuros
    revision
    territoryCode
    territory {
      code
      name
    }
    sections {
      prerequisites
      partners
      duration
      pitfalls
      results
      contact
      vendors {
        name
        openSource
        licence
        role
      }
    }
  }
`);

export const ProjectQuery = graphql(
  `
    query WikiProject($slug: String!) {
      project(slug: $slug) {
        ...ProjectSheet
        bodyHtml
        isBlocked
        isDemo
        isDraft
        costPerInhabitant
        viewerCanEdit
        createdAt
        updatedAt
        territory {
          code
          name
          population
        }
        replicatedFrom {
          slug
          title
          territory {
            name
          }
        }
        replications {
          slug
          title
          stage
          territory {
            code
            name
          }
        }
        backlinks {
          slug
          title
        }
        commitments {
          id
          title
          seminar {
            id
            date
          }
        }
        revisions(first: 1) {
          totalCount
          edges {
            node {
              number
              createdAt
              author {
                displayName
              }
            }
          }
        }
      }
    }
  `,
  [ProjectSheet],
);

/** Whether the logged-in user follows a sheet (false when anonymous). */
export const ProjectFollowingQuery = graphql(`
  query WikiProjectFollowing($id: ID!) {
    isFollowing(targetType: PROJECT, targetId: $id)
  }
`);

export const FollowProjectMutation = graphql(`
  mutation WikiFollowProject($id: ID!) {
    follow(targetType: PROJECT, targetId: $id)
  }
`);

export const UnfollowProjectMutation = graphql(`
  mutation WikiUnfollowProject($id: ID!) {
    unfollow(targetType: PROJECT, targetId: $id)
  }
`);

export const ProjectEditQuery = graphql(
  `
    query WikiProjectEdit($slug: String!) {
      project(slug: $slug) {
        ...ProjectSheet
        viewerCanEdit
      }
    }
  `,
  [ProjectSheet],
);

export const CreateProjectMutation = graphql(`
  mutation WikiCreateProject($input: ProjectInput!) {
    createProject(input: $input) {
      slug
    }
  }
`);

export const UpdateProjectMutation = graphql(`
  mutation WikiUpdateProject($id: ID!, $baseRevision: Int!, $input: ProjectInput!, $comment: String) {
    updateProject(id: $id, baseRevision: $baseRevision, input: $input, comment: $comment) {
      slug
      revision
    }
  }
`);

export const ReplicateProjectMutation = graphql(`
  mutation WikiReplicateProject($sourceId: ID!, $territoryCode: String!) {
    replicateProject(sourceId: $sourceId, territoryCode: $territoryCode) {
      slug
    }
  }
`);

export const PublishProjectMutation = graphql(`
  mutation WikiPublishProject($id: ID!) {
    publishProject(id: $id) {
      slug
      isDraft
    }
  }
`);

export const ProjectHistoryQuery = graphql(
  `
    query WikiProjectHistory($slug: String!, $first: Int, $after: String) {
      project(slug: $slug) {
        id
        slug
        title
        revision
        viewerCanEdit
        revisions(first: $first, after: $after) {
          ...Revisions
        }
      }
    }
  `,
  [Revisions],
);

export const ProjectDiffQuery = graphql(
  `
    query WikiProjectDiff($slug: String!, $from: Int!, $to: Int!) {
      project(slug: $slug) {
        diff(from: $from, to: $to) {
          ...RevisionDiffChunks
        }
      }
    }
  `,
  [RevisionDiffChunks],
);

export const RestoreProjectMutation = graphql(`
  mutation WikiRestoreProject($id: ID!, $revision: Int!) {
    restoreProjectRevision(id: $id, revision: $revision) {
      revision
    }
  }
`);

export const HideProjectRevisionMutation = graphql(`
  mutation WikiHideProjectRevision($id: ID!, $revision: Int!, $hidden: Boolean!, $reason: String!) {
    hideProjectRevision(id: $id, revision: $revision, hidden: $hidden, reason: $reason) {
      revision
    }
  }
`);

export const TerritoryProjectsQuery = graphql(
  `
    query WikiTerritoryProjects($code: ID!, $first: Int, $after: String) {
      territory(code: $code) {
        code
        projects(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...ProjectSummary
              replications {
                slug
                title
                territory {
                  name
                }
              }
            }
          }
        }
      }
    }
  `,
  [ProjectSummary],
);
