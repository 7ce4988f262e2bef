import { graphql } from '$lib/graphql/graphql';

/**
 * What wiki pages and project sheets share as revisioned documents: their history, the diff of
 * two revisions, the Markdown preview. Kind-specific operations (page-operations.ts,
 * project-operations.ts) spread these fragments.
 */

export const Revisions = graphql(`
  fragment Revisions on RevisionConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        number
        comment
        createdAt
        hidden
        hiddenReason
        author {
          id
          displayName
        }
      }
    }
  }
`);

export const RevisionDiffChunks = graphql(`
  fragment RevisionDiffChunks on RevisionDiff {
    from
    to
    chunks {
      kind
      text
    }
  }
`);

export const PreviewQuery = graphql(`
  query WikiPreview($markdown: String!) {
    previewMarkdown(markdown: $markdown)
  }
`);
