import { graphql } from '$lib/graphql/graphql';

/** What a follow-up card shows (seminar page and territory page). */
export const CommitmentFollowUp = graphql(`
  fragment CommitmentFollowUp on Commitment {
    id
    title
    status
    statusReason
    progress
    progressMode
    late
    contact
    targetDate
    viewerCanEdit
    seminar {
      id
      title
      date
    }
    leadTerritory {
      code
      name
    }
    backing {
      formatted
      count
      divergent
      byGroup {
        group
        formatted
      }
    }
    projects {
      id
      slug
      title
      stage
      territory {
        name
      }
    }
    blockers {
      id
      category
      description
      descriptionHidden
      project {
        slug
        title
      }
    }
    milestones {
      id
      title
      dueDate
      doneAt
      late
    }
  }
`);

export const CommitmentsPageQuery = graphql(
  `
    query CommitmentsPage($seminarId: ID!) {
      seminar(id: $seminarId) {
        id
        title
        date
        viewer {
          canManage
        }
        workshops {
          id
          title
          state
          stakes {
            id
            number
            text
            isAddition
          }
        }
      }
      commitments(seminarId: $seminarId) {
        ...CommitmentFollowUp
      }
    }
  `,
  [CommitmentFollowUp],
);

export const TerritoryCommitmentsQuery = graphql(
  `
    query TerritoryCommitmentsPage($code: ID!, $year: Int) {
      territory(code: $code) {
        code
        name
        kind
      }
      territoryCommitments(territoryCode: $code, year: $year) {
        ...CommitmentFollowUp
      }
      commitmentYears(territoryCode: $code) {
        year
        counts {
          total
          toStart
          inProgress
          late
          done
          abandoned
        }
        seminars {
          seminar {
            id
            title
            date
          }
          counts {
            total
            toStart
            inProgress
            late
            done
            abandoned
          }
        }
      }
    }
  `,
  [CommitmentFollowUp],
);

export const AddMilestoneMutation = graphql(`
  mutation AddCommitmentMilestone($commitmentId: ID!, $title: String!, $dueDate: DateTime!) {
    addCommitmentMilestone(commitmentId: $commitmentId, title: $title, dueDate: $dueDate) {
      id
    }
  }
`);

export const SetMilestoneDoneMutation = graphql(`
  mutation SetCommitmentMilestoneDone($id: ID!, $done: Boolean!) {
    setCommitmentMilestoneDone(id: $id, done: $done) {
      id
      doneAt
    }
  }
`);

export const UpdateMilestoneMutation = graphql(`
  mutation UpdateCommitmentMilestone($id: ID!, $title: String, $dueDate: DateTime) {
    updateCommitmentMilestone(id: $id, title: $title, dueDate: $dueDate) {
      id
      dueDate
    }
  }
`);

export const CreateCommitmentMutation = graphql(`
  mutation CreateCommitment($stakeId: ID!, $details: CommitmentDetailsInput) {
    createCommitment(stakeId: $stakeId, details: $details) {
      id
    }
  }
`);

export const UpdateCommitmentMutation = graphql(`
  mutation UpdateCommitment($id: ID!, $input: CommitmentUpdateInput!) {
    updateCommitment(id: $id, input: $input) {
      id
      status
      progress
    }
  }
`);

export const LinkCommitmentProjectMutation = graphql(`
  mutation LinkCommitmentProject($commitmentId: ID!, $projectId: ID!) {
    linkCommitmentProject(commitmentId: $commitmentId, projectId: $projectId) {
      id
    }
  }
`);

export const ProjectIdBySlugQuery = graphql(`
  query ProjectIdBySlug($slug: String!) {
    project(slug: $slug) {
      id
    }
  }
`);
