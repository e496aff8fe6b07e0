import { graphql } from '@/graphql/gql';

/** One page of the stop list (keyset: `first/after` forward, `last/before` back). */
export const StopListQuery = graphql(`
  query AdminStopList($first: Int, $after: String, $last: Int, $before: String, $channel: Channel, $search: String) {
    stopList(first: $first, after: $after, last: $last, before: $before, channel: $channel, search: $search) {
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
          address
          channel
          reason
          note
          createdAt
        }
      }
    }
  }
`);

export const AddStopListEntryMutation = graphql(`
  mutation AdminAddStopListEntry($input: AddStopListEntryInput!) {
    addStopListEntry(input: $input) {
      entry {
        id
        address
        channel
        reason
        note
        createdAt
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

export const RemoveStopListEntryMutation = graphql(`
  mutation AdminRemoveStopListEntry($id: ID!) {
    removeStopListEntry(id: $id) {
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

export const ImportStopListMutation = graphql(`
  mutation AdminImportStopList($text: String!, $reason: StopListReason!, $channel: Channel) {
    importStopList(text: $text, reason: $reason, channel: $channel) {
      imported
      duplicates
      invalidCount
      invalid {
        line
        text
        reason
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
