import { graphql } from '@/graphql/gql';

/**
 * One page of the segments list: what each row shows except its sizes, which every row counts on
 * its own (SegmentListSizes) so the list never waits for the slowest count.
 */
export const SegmentsListQuery = graphql(`
  query SegmentsList($where: SegmentListFilter, $orderBy: SegmentOrder, $first: Int, $after: String, $last: Int, $before: String) {
    segments(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          description
          kind
          source
          clientType
          tags
          updatedAt
          updatedBy {
            id
            name
          }
        }
      }
    }
  }
`);

/** The sizes of one segment: members and recipients per channel, each with the time it was computed. */
export const SegmentListSizesQuery = graphql(`
  query SegmentListSizes($id: ID!) {
    segment(id: $id) {
      id
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

/** Every tag in use, for the tag filter and the tag suggestions of a new segment. */
export const SegmentListTagsQuery = graphql(`
  query SegmentListTags {
    segmentTags {
      tag
      count
    }
  }
`);

export const SegmentListCreateStaticMutation = graphql(`
  mutation SegmentListCreateStatic($input: CreateSegmentInput!) {
    createSegment(input: $input) {
      segment {
        id
        name
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

export const SegmentListDuplicateMutation = graphql(`
  mutation SegmentListDuplicate($id: ID!) {
    duplicateSegment(id: $id) {
      segment {
        id
        name
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

export const SegmentListDeleteMutation = graphql(`
  mutation SegmentListDelete($id: ID!) {
    deleteSegment(id: $id) {
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
