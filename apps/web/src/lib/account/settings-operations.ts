import { graphql } from '$lib/graphql/graphql';

export const AccountQuery = graphql(`
  query Account {
    me {
      id
      handle
      memberships {
        id
        status
        method
        capacity
        manager
        reason
        decidedAt
        territory {
          code
          name
          kind
        }
      }
    }
    mySessions {
      id
      createdAt
      lastSeenAt
      current
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($displayName: String!) {
    updateProfile(displayName: $displayName) {
      id
      displayName
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

export const RequestMembershipMutation = graphql(`
  mutation RequestMembership($territoryCode: ID!, $capacity: MembershipCapacity!) {
    requestMembership(territoryCode: $territoryCode, capacity: $capacity) {
      id
      status
    }
  }
`);

export const LeaveMembershipMutation = graphql(`
  mutation LeaveMembership($id: ID!) {
    leaveMembership(id: $id)
  }
`);

export const DeleteAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);

export const PersonalDataQuery = graphql(`
  query MyPersonalData {
    myPersonalData
  }
`);

export const PendingCountQuery = graphql(`
  query PendingMembershipCount {
    pendingMembershipCount
  }
`);

export const PendingTerritoriesQuery = graphql(`
  query PendingMembershipTerritories {
    pendingMembershipTerritories {
      territoryCode
      territoryName
      count
    }
  }
`);

export const PendingMembershipsQuery = graphql(`
  query PendingMemberships($territoryCode: ID!) {
    pendingMemberships(territoryCode: $territoryCode) {
      id
      capacity
      createdAt
      user {
        id
        displayName
        handle
        createdAt
      }
    }
  }
`);

export const DecideMembershipMutation = graphql(`
  mutation DecideMembership($id: ID!, $approve: Boolean!, $reason: String) {
    decideMembership(id: $id, approve: $approve, reason: $reason) {
      id
      status
    }
  }
`);

export const TerritoryMembersQuery = graphql(`
  query TerritoryMembers($territoryCode: ID!) {
    territory(code: $territoryCode) {
      code
      name
    }
    territoryMembers(territoryCode: $territoryCode) {
      id
      capacity
      manager
      method
      decidedAt
      user {
        id
        displayName
        handle
      }
    }
  }
`);

export const EmailDomainsQuery = graphql(`
  query EmailDomains($territoryCode: String) {
    emailDomains(territoryCode: $territoryCode) {
      id
      domain
      createdAt
    }
  }
`);

export const SetManagerMutation = graphql(`
  mutation SetMembershipManager($id: ID!, $manager: Boolean!) {
    setMembershipManager(id: $id, manager: $manager) {
      id
      manager
    }
  }
`);

export const RevokeMembershipMutation = graphql(`
  mutation RevokeMembership($id: ID!, $reason: String!) {
    revokeMembership(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const AddEmailDomainMutation = graphql(`
  mutation AddEmailDomain($territoryCode: ID!, $domain: String!) {
    addEmailDomain(territoryCode: $territoryCode, domain: $domain) {
      id
      domain
    }
  }
`);

export const RemoveEmailDomainMutation = graphql(`
  mutation RemoveEmailDomain($domain: String!) {
    removeEmailDomain(domain: $domain)
  }
`);
