import { graphql } from '@/graphql/gql';

/** Every API token, newest first (revoked and expired ones too): never a secret, only its first characters. */
export const ApiTokensQuery = graphql(`
  query AdminApiTokens {
    apiTokens {
      id
      name
      hint
      scopes
      status
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
      createdBy {
        id
        name
      }
    }
  }
`);

/** A new token; its secret is in this answer and never again. */
export const CreateApiTokenMutation = graphql(`
  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token {
        id
        name
        hint
        scopes
        status
      }
      secret
      errors {
        code
        message
        path
        count
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation AdminRevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      token {
        id
        status
        revokedAt
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
