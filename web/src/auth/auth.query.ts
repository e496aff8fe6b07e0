import { graphql } from '@/graphql/gql';

/** Who is signed in, and what they may do (the UI shows and hides by `scopes`). Null when signed out. */
export const MeQuery = graphql(`
  query Me {
    me {
      role
      scopes
      passwordChangeRequired
      user {
        id
        name
        email
      }
    }
  }
`);

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      viewer {
        passwordChangeRequired
      }
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      viewer {
        passwordChangeRequired
      }
      errors {
        code
        message
        path
        count
      }
    }
  }
`);
