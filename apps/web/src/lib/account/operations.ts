import { graphql } from '$lib/graphql/graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      createdAt
      handle
      memberships {
        status
        manager
      }
      territory {
        code
        name
        kind
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      displayName
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      id
      displayName
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
