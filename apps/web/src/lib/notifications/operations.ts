import { graphql } from '$lib/graphql/graphql';

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String) {
    unreadNotificationCount
    notifications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          message
          url
          read
          createdAt
        }
      }
    }
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
