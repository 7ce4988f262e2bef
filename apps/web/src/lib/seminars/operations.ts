import { graphql } from '$lib/graphql/graphql';

export const SeminarListQuery = graphql(`
  query SeminarList {
    seminars(first: 50) {
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

export const StakeFields = graphql(`
  fragment StakeFields on Stake {
    id
    number
    text
    originalText
    isAddition
    status
    emphasis {
      text
      added
    }
    results {
      mean
      count
      formatted
      divergent
      distribution
      byGroup {
        group {
          id
          name
        }
        mean
        count
        formatted
      }
    }
    reformulations {
      id
      text
      supports
      adopted
    }
  }
`);

export const SeminarQuery = graphql(
  `
    query Seminar($id: ID!) {
      seminar(id: $id) {
        id
        title
        date
        place
        viewerJoinCode
        viewer {
          canManage
          participantId
          displayName
          groupId
        }
        groups {
          id
          name
          participantCount
        }
        workshops {
          id
          title
          state
          resultsVisibility
          stakes {
            ...StakeFields
            myScore
          }
          proposedStakes {
            id
            text
          }
        }
      }
    }
  `,
  [StakeFields],
);

export const SeminarByCodeQuery = graphql(`
  query SeminarByCode($joinCode: String!) {
    seminarByCode(joinCode: $joinCode) {
      id
      title
      joinCode
      groups {
        id
        name
      }
    }
  }
`);

export const MinutesQuery = graphql(`
  query SeminarMinutes($seminarId: ID!, $format: MinutesFormat!) {
    minutes(seminarId: $seminarId, format: $format)
  }
`);

export const CreateSeminarMutation = graphql(`
  mutation CreateSeminar($input: SeminarInput!) {
    createSeminar(input: $input) {
      id
    }
  }
`);
export const AddGroupMutation = graphql(`
  mutation AddGroup($seminarId: ID!, $name: String!) {
    addGroup(seminarId: $seminarId, name: $name) {
      id
    }
  }
`);
export const AddWorkshopMutation = graphql(`
  mutation AddWorkshop($seminarId: ID!, $title: String!) {
    addWorkshop(seminarId: $seminarId, title: $title) {
      id
    }
  }
`);
export const AddStakesMutation = graphql(`
  mutation AddStakes($workshopId: ID!, $texts: [String!]!) {
    addStakes(workshopId: $workshopId, texts: $texts) {
      id
    }
  }
`);
export const SetStateMutation = graphql(`
  mutation SetWorkshopState($workshopId: ID!, $state: VotingState!) {
    setWorkshopState(workshopId: $workshopId, state: $state) {
      id
      state
    }
  }
`);
export const SetVisibilityMutation = graphql(`
  mutation SetResultsVisibility($workshopId: ID!, $visibility: ResultsVisibility!) {
    setResultsVisibility(workshopId: $workshopId, visibility: $visibility) {
      id
      resultsVisibility
    }
  }
`);
export const AdoptMutation = graphql(`
  mutation AdoptReformulation($id: ID!) {
    adoptReformulation(id: $id) {
      id
      text
    }
  }
`);
export const AcceptStakeMutation = graphql(`
  mutation AcceptStake($id: ID!) {
    acceptStake(id: $id) {
      id
    }
  }
`);
export const RejectStakeMutation = graphql(`
  mutation RejectStake($id: ID!) {
    rejectStake(id: $id) {
      id
    }
  }
`);
export const JoinMutation = graphql(`
  mutation JoinSeminar($joinCode: String!, $displayName: String!, $groupId: ID!) {
    joinSeminar(joinCode: $joinCode, displayName: $displayName, groupId: $groupId) {
      id
    }
  }
`);
export const CastScoreMutation = graphql(`
  mutation CastScore($stakeId: ID!, $value: Float!) {
    castScore(stakeId: $stakeId, value: $value) {
      stakeId
      value
    }
  }
`);
export const ProposeReformulationMutation = graphql(`
  mutation ProposeReformulation($stakeId: ID!, $text: String!) {
    proposeReformulation(stakeId: $stakeId, text: $text) {
      id
    }
  }
`);
export const SupportReformulationMutation = graphql(`
  mutation SupportReformulation($id: ID!) {
    supportReformulation(id: $id) {
      id
      supports
    }
  }
`);
export const ProposeStakeMutation = graphql(`
  mutation ProposeStake($workshopId: ID!, $text: String!) {
    proposeStake(workshopId: $workshopId, text: $text) {
      id
    }
  }
`);

/** The phone screen only needs to know when a workshop opens, closes or gains a stake: a light selection keeps the server's fan-out cheap. */
export const WORKSHOP_STATE_SUBSCRIPTION = `subscription WorkshopState($workshopId: ID!) {
  workshopUpdated(workshopId: $workshopId) { id state resultsVisibility stakes { id number text isAddition reformulations { id text supports } } }
}`;

/** Sent as a string over graphql-ws from the browser (projector and console: with results). */
export const WORKSHOP_LIVE_SUBSCRIPTION = `subscription WorkshopLive($workshopId: ID!) {
  workshopUpdated(workshopId: $workshopId) {
    id state resultsVisibility
    stakes { id number text isAddition results { count mean formatted divergent byGroup { group { id name } mean count formatted } } }
  }
}`;
