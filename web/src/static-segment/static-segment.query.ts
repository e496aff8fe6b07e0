import { graphql } from '@/graphql/gql';

/**
 * The heading and the size of a static segment: stored addresses, CRM records, recipients per
 * channel. The stored addresses are recipients' data: left out (`withAddresses: false`) for a
 * viewer without recipients:read, whom the API would refuse the whole answer.
 */
export const StaticSegmentSummaryQuery = graphql(`
  query StaticSegmentSummary($id: ID!, $withAddresses: Boolean!) {
    segment(id: $id) {
      id
      kind
      name
      description
      tags
      version
      stored: entries(first: 0) @include(if: $withAddresses) {
        totalCount
      }
      memberCount {
        value
        fewerThan
        computedAt
      }
      recipientCounts {
        channel
        value
        fewerThan
        computedAt
      }
    }
  }
`);

/** One page of the stored addresses, in address order. */
export const StaticSegmentEntriesQuery = graphql(`
  query StaticSegmentEntriesPage($id: ID!, $channel: Channel, $search: String, $first: Int!, $after: String) {
    segment(id: $id) {
      id
      entries(channel: $channel, search: $search, first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            channel
            address
            name
            addedAt
            owner {
              __typename
              ... on Contact {
                id
                fullName
              }
              ... on Company {
                id
                title
              }
              ... on Lead {
                id
                title
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/**
 * Starts the import in the background; the answer carries the job to poll. (The job's fields are
 * spelled out twice rather than in a fragment: the web app's fragments are masked.)
 */
export const StartStaticImportMutation = graphql(`
  mutation StartStaticImport($id: ID!, $text: String!) {
    startStaticSegmentImport(id: $id, text: $text) {
      job {
        id
        state
        totalLines
        processedLines
        error
        report {
          lines
          imported
          duplicatesInInput
          alreadyPresent
          invalidCount
          invalid {
            line
            text
            reason
            code
          }
        }
      }
      errors {
        path
        code
        message
        count
      }
    }
  }
`);

/** The job's progress, and its report once DONE; null when the API no longer knows the job. */
export const StaticImportJobQuery = graphql(`
  query StaticImportJobPoll($id: ID!) {
    staticImportJob(id: $id) {
      id
      state
      totalLines
      processedLines
      error
      report {
        lines
        imported
        duplicatesInInput
        alreadyPresent
        invalidCount
        invalid {
          line
          text
          reason
          code
        }
      }
    }
  }
`);

export const AddStaticMemberMutation = graphql(`
  mutation AddStaticMember($id: ID!, $members: [StaticMemberInput!]!) {
    addStaticSegmentMembers(id: $id, members: $members) {
      imported
      alreadyPresent
      invalid {
        line
        reason
        code
      }
      errors {
        path
        code
        message
        count
      }
    }
  }
`);

export const RemoveStaticMemberMutation = graphql(`
  mutation RemoveStaticMember($id: ID!, $members: [StaticMemberRefInput!]!) {
    removeStaticSegmentMembers(id: $id, members: $members) {
      removed
      errors {
        path
        code
        message
        count
      }
    }
  }
`);

export const UpdateStaticSegmentDetailsMutation = graphql(`
  mutation UpdateStaticSegmentDetails($input: UpdateSegmentInput!) {
    updateSegment(input: $input) {
      segment {
        id
        name
        description
        tags
        version
      }
      errors {
        path
        code
        message
        count
      }
    }
  }
`);
