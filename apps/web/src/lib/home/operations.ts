import { graphql } from '$lib/graphql/graphql';

/** Everything the home page shows, in one request (recent content first). */
export const HomeActivityQuery = graphql(`
  query HomeActivity {
    projects(first: 30) {
      totalCount
      edges {
        node {
          slug
          title
          summary
          updatedAt
          territory {
            code
            name
          }
          replicatedFrom {
            slug
            title
            territory {
              name
            }
          }
        }
      }
    }
    blockers(first: 4, status: LIFTED, sort: RECENTLY_RESOLVED) {
      totalCount
      edges {
        node {
          id
          category
          resolvedAt
          project {
            slug
            title
            territory {
              name
            }
          }
        }
      }
    }
    categories {
      id
      slug
      name
      threadCount
      threads(first: 3) {
        edges {
          node {
            id
            title
            lastActivityAt
            replyCount
          }
        }
      }
    }
  }
`);

/** Seminars are listed to members only (the API answers UNAUTHENTICATED to visitors). */
export const HomeSeminarsQuery = graphql(`
  query HomeSeminars {
    seminars(first: 30) {
      totalCount
      edges {
        node {
          id
          title
          date
          place
        }
      }
    }
  }
`);
