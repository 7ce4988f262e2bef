import { graphql } from '$lib/graphql/graphql';

export const CommitmentsPageQuery = graphql(`
  query CommitmentsPage($seminarId: ID!) {
    seminar(id: $seminarId) {
      id
      title
      date
      viewer { canManage }
      workshops { id title state stakes { id number text isAddition } }
    }
    commitments(seminarId: $seminarId) {
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
      leadTerritory { code name }
      backing { formatted count divergent byGroup { group formatted } }
      projects { id slug title stage territory { name } }
      blockers { id category description descriptionHidden project { slug title } }
      milestones { id title dueDate doneAt }
    }
  }
`);

export const CreateCommitmentMutation = graphql(`
  mutation CreateCommitment($stakeId: ID!, $details: CommitmentDetailsInput) {
    createCommitment(stakeId: $stakeId, details: $details) { id }
  }
`);

export const UpdateCommitmentMutation = graphql(`
  mutation UpdateCommitment($id: ID!, $input: CommitmentUpdateInput!) {
    updateCommitment(id: $id, input: $input) { id status progress }
  }
`);

export const LinkCommitmentProjectMutation = graphql(`
  mutation LinkCommitmentProject($commitmentId: ID!, $projectId: ID!) {
    linkCommitmentProject(commitmentId: $commitmentId, projectId: $projectId) { id }
  }
`);

export const ProjectIdBySlugQuery = graphql(`
  query ProjectIdBySlug($slug: String!) {
    project(slug: $slug) { id }
  }
`);
