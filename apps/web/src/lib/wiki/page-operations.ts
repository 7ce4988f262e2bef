import { graphql } from '$lib/graphql/graphql';
import { RevisionDiffChunks, Revisions } from './document-operations';

/** Wiki pages: reading, editing from a base revision, history. */

export const PagesQuery = graphql(`
  query WikiPages($first: Int, $after: String) {
    pages(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          title
          isDemo
          updatedAt
          parent {
            id
          }
        }
      }
    }
  }
`);

export const PageQuery = graphql(`
  query WikiPage($slug: String!) {
    page(slug: $slug) {
      id
      slug
      title
      body
      bodyHtml
      revision
      isDemo
      updatedAt
      parent {
        id
        slug
        title
      }
      children {
        slug
        title
      }
      backlinks {
        slug
        title
      }
      projectBacklinks {
        slug
        title
      }
    }
  }
`);

export const PageHistoryQuery = graphql(
  `
    query WikiPageHistory($slug: String!, $first: Int, $after: String) {
      page(slug: $slug) {
        id
        slug
        title
        revision
        revisions(first: $first, after: $after) {
          ...Revisions
        }
      }
    }
  `,
  [Revisions],
);

export const PageDiffQuery = graphql(
  `
    query WikiPageDiff($slug: String!, $from: Int!, $to: Int!) {
      page(slug: $slug) {
        diff(from: $from, to: $to) {
          ...RevisionDiffChunks
        }
      }
    }
  `,
  [RevisionDiffChunks],
);

export const CreatePageMutation = graphql(`
  mutation WikiCreatePage($input: PageInput!) {
    createPage(input: $input) {
      slug
    }
  }
`);

export const UpdatePageMutation = graphql(`
  mutation WikiUpdatePage($id: ID!, $baseRevision: Int!, $input: PageInput!, $comment: String) {
    updatePage(id: $id, baseRevision: $baseRevision, input: $input, comment: $comment) {
      slug
      revision
    }
  }
`);

export const RestorePageMutation = graphql(`
  mutation WikiRestorePage($id: ID!, $revision: Int!) {
    restorePageRevision(id: $id, revision: $revision) {
      revision
    }
  }
`);

export const HidePageRevisionMutation = graphql(`
  mutation WikiHidePageRevision($id: ID!, $revision: Int!, $hidden: Boolean!, $reason: String!) {
    hidePageRevision(id: $id, revision: $revision, hidden: $hidden, reason: $reason) {
      revision
    }
  }
`);
