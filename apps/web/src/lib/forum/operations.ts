import { graphql } from '$lib/graphql/graphql';

/** Selections several operations share (fragments add no field: results keep the same shape). */
export const ForumPageInfo = graphql(`
  fragment ForumPageInfo on PageInfo {
    hasNextPage
    endCursor
  }
`);

export const ForumPerson = graphql(`
  fragment ForumPerson on User {
    id
    displayName
    handle
    badges {
      kind
      territory {
        name
      }
    }
  }
`);

export const ForumThreadRef = graphql(`
  fragment ForumThreadRef on Thread {
    id
    title
  }
`);

/** What both the thread page and the flag queue show of a post. */
export const ForumPostCore = graphql(
  `
    fragment ForumPostCore on Post {
      id
      body
      hidden
      hiddenReason
      createdAt
      author {
        ...ForumPerson
      }
    }
  `,
  [ForumPerson],
);

export const ForumPostReactions = graphql(`
  fragment ForumPostReactions on Post {
    id
    reactions
  }
`);

export const CategoriesQuery = graphql(`
  query ForumCategories {
    categories {
      id
      slug
      name
      theme
      threadCount
    }
  }
`);

export const ThreadListQuery = graphql(
  `
    query ForumThreadList($slug: String!, $sort: ThreadSort, $first: Int, $after: String) {
      forumCategory(slug: $slug) {
        id
        slug
        name
        threads(sort: $sort, first: $first, after: $after) {
          totalCount
          pageInfo {
            ...ForumPageInfo
          }
          edges {
            node {
              id
              title
              pinned
              locked
              isQuestion
              replyCount
              lastActivityAt
              unread
              acceptedPost {
                id
              }
              author {
                displayName
              }
            }
          }
        }
      }
    }
  `,
  [ForumPageInfo],
);

export const ThreadQuery = graphql(
  `
    query ForumThread($id: ID!, $first: Int, $after: String) {
      thread(id: $id) {
        id
        title
        locked
        pinned
        isQuestion
        following
        unread
        lastReadPostId
        replyCount
        createdAt
        author {
          ...ForumPerson
        }
        category {
          id
          slug
          name
        }
        project {
          slug
          title
        }
        acceptedPost {
          id
        }
        posts(first: $first, after: $after) {
          totalCount
          pageInfo {
            ...ForumPageInfo
          }
          edges {
            node {
              ...ForumPostCore
              bodyHtml
              revision
              reactions
              reactedByMe
              editedAt
              quotedPost {
                id
                body
                hidden
                author {
                  displayName
                }
              }
            }
          }
        }
      }
    }
  `,
  [ForumPageInfo, ForumPerson, ForumPostCore],
);

export const ProjectDiscussionQuery = graphql(`
  query ForumProjectDiscussion($slug: String!) {
    project(slug: $slug) {
      id
      slug
      title
      themes
      discussion {
        id
      }
    }
  }
`);

export const PreviewQuery = graphql(`
  query ForumPreview($markdown: String!) {
    previewMarkdown(markdown: $markdown)
  }
`);

export const CreateThreadMutation = graphql(`
  mutation ForumCreateThread($input: ThreadInput!) {
    createThread(input: $input) {
      id
    }
  }
`);

export const ReplyMutation = graphql(`
  mutation ForumReply($threadId: ID!, $body: String!, $quotePostId: ID) {
    reply(threadId: $threadId, body: $body, quotePostId: $quotePostId) {
      id
    }
  }
`);

export const ReactMutation = graphql(
  `
    mutation ForumReact($postId: ID!) {
      react(postId: $postId) {
        ...ForumPostReactions
      }
    }
  `,
  [ForumPostReactions],
);

export const UnreactMutation = graphql(
  `
    mutation ForumUnreact($postId: ID!) {
      unreact(postId: $postId) {
        ...ForumPostReactions
      }
    }
  `,
  [ForumPostReactions],
);

export const AcceptAnswerMutation = graphql(`
  mutation ForumAcceptAnswer($postId: ID!) {
    acceptAnswer(postId: $postId) {
      id
    }
  }
`);

export const FlagPostMutation = graphql(`
  mutation ForumFlagPost($postId: ID!, $reason: String!) {
    flagPost(postId: $postId, reason: $reason)
  }
`);

export const HidePostMutation = graphql(`
  mutation ForumHidePost($id: ID!, $reason: String!) {
    hidePost(id: $id, reason: $reason) {
      id
    }
  }
`);

export const LockThreadMutation = graphql(`
  mutation ForumLockThread($id: ID!, $locked: Boolean!) {
    lockThread(id: $id, locked: $locked) {
      id
    }
  }
`);

export const PinThreadMutation = graphql(`
  mutation ForumPinThread($id: ID!, $pinned: Boolean!) {
    pinThread(id: $id, pinned: $pinned) {
      id
    }
  }
`);

export const MarkThreadReadMutation = graphql(`
  mutation ForumMarkThreadRead($threadId: ID!) {
    markThreadRead(threadId: $threadId) {
      id
    }
  }
`);

export const FollowMutation = graphql(`
  mutation ForumFollow($targetType: FollowTargetType!, $targetId: ID!) {
    follow(targetType: $targetType, targetId: $targetId)
  }
`);

export const UnfollowMutation = graphql(`
  mutation ForumUnfollow($targetType: FollowTargetType!, $targetId: ID!) {
    unfollow(targetType: $targetType, targetId: $targetId)
  }
`);

export const EditPostMutation = graphql(`
  mutation ForumEditPost($id: ID!, $baseRevision: Int!, $body: String!) {
    editPost(id: $id, baseRevision: $baseRevision, body: $body) {
      id
      revision
    }
  }
`);

export const OpenFlagCountQuery = graphql(`
  query ForumOpenFlagCount {
    flaggedPosts(first: 1, openOnly: true) {
      totalCount
    }
  }
`);

export const FlagQueueQuery = graphql(
  `
    query ForumFlagQueue($first: Int, $after: String, $openOnly: Boolean) {
      flaggedPosts(first: $first, after: $after, openOnly: $openOnly) {
        totalCount
        pageInfo {
          ...ForumPageInfo
        }
        edges {
          node {
            id
            reason
            status
            createdAt
            reporter {
              ...ForumPerson
            }
            post {
              ...ForumPostCore
              thread {
                ...ForumThreadRef
              }
            }
          }
        }
      }
    }
  `,
  [ForumPageInfo, ForumPerson, ForumPostCore, ForumThreadRef],
);

export const DismissFlagsMutation = graphql(`
  mutation ForumDismissFlags($postId: ID!) {
    dismissFlags(postId: $postId) {
      id
    }
  }
`);

export const ModerationLogQuery = graphql(
  `
    query ForumModerationLog($first: Int, $after: String, $threadId: ID) {
      moderationLog(first: $first, after: $after, threadId: $threadId) {
        totalCount
        pageInfo {
          ...ForumPageInfo
        }
        edges {
          node {
            id
            action
            createdAt
            reason
            postId
            threadId
            moderator {
              ...ForumPerson
            }
            thread {
              ...ForumThreadRef
            }
          }
        }
      }
    }
  `,
  [ForumPageInfo, ForumPerson, ForumThreadRef],
);

/** The forum home: categories with their latest threads, to show recent activity first. */
export const ForumHomeQuery = graphql(`
  query ForumHome {
    categories {
      id
      slug
      name
      theme
      threadCount
      threads(first: 4) {
        edges {
          node {
            id
            title
            lastActivityAt
            replyCount
            isQuestion
            acceptedPost {
              id
            }
            author {
              displayName
            }
          }
        }
      }
    }
  }
`);
