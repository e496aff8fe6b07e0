import { graphql } from '@/graphql/gql';

/** One page of the audit log, newest first (keyset: `first/after` forward, `last/before` back). */
export const AuditEventsQuery = graphql(`
  query AdminAuditEvents($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          occurredAt
          action
          actorLabel
          viaApiToken
          actor {
            id
            name
          }
          subjectType
          subjectId
          subjectName
          details
          segment {
            id
            name
          }
        }
      }
    }
  }
`);

/** Everyone who can act, for the "User" filter. */
export const AuditUsersQuery = graphql(`
  query AdminAuditUsers {
    users(first: 500, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          active
        }
      }
    }
  }
`);
