import { graphql } from '$lib/graphql/graphql';

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const ResendEmailVerificationMutation = graphql(`
  mutation ResendEmailVerification {
    resendEmailVerification
  }
`);

export const MailPreferencesQuery = graphql(`
  query MailPreferences {
    mailPreferences {
      language
      kinds {
        kind
        mode
        defaultMode
      }
    }
  }
`);

export const SetMailPreferencesMutation = graphql(`
  mutation SetMailPreferences($language: String, $kinds: [NotificationMailPreferenceInput!]) {
    setMailPreferences(language: $language, kinds: $kinds) {
      language
    }
  }
`);

export const MyAddressQuery = graphql(`
  query MyAddress {
    me {
      id
      email
      emailVerified
    }
  }
`);

export const ChangeEmailMutation = graphql(`
  mutation ChangeEmail($email: String!, $password: String!) {
    changeEmail(email: $email, password: $password)
  }
`);

export const SeminarForInvitationQuery = graphql(`
  query SeminarForInvitation($id: ID!) {
    seminar(id: $id) {
      id
      title
      joinCode
      viewer {
        canManage
      }
    }
  }
`);

export const InviteToSeminarMutation = graphql(`
  mutation InviteToSeminar($seminarId: ID!, $emails: [String!]!) {
    inviteToSeminar(seminarId: $seminarId, emails: $emails)
  }
`);
