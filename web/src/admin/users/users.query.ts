import { graphql } from '@/graphql/gql';

/** One page of users by name: who they are, their role, whether they may sign in. */
export const UsersQuery = graphql(`
  query AdminUsers($first: Int, $after: String, $last: Int, $before: String) {
    users(first: $first, after: $after, last: $last, before: $before, orderBy: { field: NAME }) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          name
          email
          role
          active
          mustChangePassword
          lastSignInAt
        }
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation AdminCreateUser($input: UserInput!) {
    createUser(input: $input) {
      user {
        id
        name
        email
        role
        active
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

/** Role or active state; fields left out keep their value. */
export const UpdateUserMutation = graphql(`
  mutation AdminUpdateUser($id: ID!, $input: UserInput!) {
    updateUser(id: $id, input: $input) {
      user {
        id
        role
        active
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

/** A new one-time password (shown once); the user's sessions end and they must choose their own. */
export const ResetUserPasswordMutation = graphql(`
  mutation AdminResetUserPassword($id: ID!) {
    resetUserPassword(id: $id) {
      user {
        id
        mustChangePassword
      }
      oneTimePassword
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const DeleteUserMutation = graphql(`
  mutation AdminDeleteUser($id: ID!) {
    deleteUser(id: $id) {
      deletedId
      errors {
        code
        message
        path
        count
      }
    }
  }
`);
