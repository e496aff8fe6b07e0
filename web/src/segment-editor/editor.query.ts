import { graphql } from '@/graphql/gql';

/** The builder's field catalog for a source, labelled in the UI language. */
export const SegmentFieldsQuery = graphql(`
  query EditorSegmentFields($source: SegmentSource!, $locale: String) {
    segmentFields(source: $source, locale: $locale) {
      id
      name
      label
      scope
      family
      valueType
      searchable
      personal
      operators
      operatorSlots {
        operator
        slot
      }
      values {
        value
        label
        group
        groupId
      }
    }
    fieldFamilies(source: $source, locale: $locale) {
      id
      label
      scope
    }
    segmentScopes(source: $source, locale: $locale) {
      scope
      label
    }
  }
`);

/** Values of a long list (users, products, segments) matching what the marketer types. */
export const FilterValuesQuery = graphql(`
  query EditorFilterValues($field: String!, $search: String, $locale: String) {
    filterValues(field: $field, search: $search, first: 30, locale: $locale) {
      edges {
        node {
          value
          label
        }
      }
    }
  }
`);

/** Labels of picked ids (a saved filter stores ids only). */
export const NodeLabelsQuery = graphql(`
  query EditorNodeLabels($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on User {
        name
      }
      ... on Product {
        name
      }
      ... on Segment {
        name
      }
    }
  }
`);

/** A saved dynamic segment with everything the editor shows. */
export const EditorSegmentQuery = graphql(`
  query EditorSegment($id: ID!) {
    segment(id: $id) {
      id
      name
      description
      kind
      source
      clientType
      tags
      timeZone
      version
      filter
      updatedAt
      updatedBy {
        id
        name
      }
    }
  }
`);

/** Live counts of an unsaved definition: members and recipients per channel, or what is wrong with it. */
export const PreviewCountsQuery = graphql(`
  query EditorPreviewCounts($input: SegmentDefinitionInput!) {
    previewSegment(input: $input) {
      errors {
        code
        message
        path
        count
      }
      memberCount {
        value
        fewerThan
        computedAt
      }
      recipientCounts(channels: [EMAIL, PHONE, IM]) {
        channel
        value
        fewerThan
        computedAt
      }
    }
  }
`);

/** The counts of a saved segment, for its definition shown unchanged (the same shape as the preview's). */
export const SavedCountsQuery = graphql(`
  query EditorSavedCounts($id: ID!) {
    segment(id: $id) {
      id
      membership {
        state
      }
      memberCount {
        value
        fewerThan
        computedAt
        source
        exact
        asOf
      }
      recipientCounts(channels: [EMAIL, PHONE, IM]) {
        channel
        value
        fewerThan
        computedAt
      }
    }
  }
`);

/** One page of the recipients an unsaved definition would reach on a channel. */
export const PreviewRecipientsQuery = graphql(`
  query EditorPreviewRecipients($input: SegmentDefinitionInput!, $channel: Channel!, $after: String) {
    previewSegment(input: $input) {
      recipients(channel: $channel, first: 20, after: $after) {
        totalCount
        edges {
          cursor
          node {
            address
            channel
            name
            ownerCount
            owner {
              __typename
              ... on Contact {
                id
              }
              ... on Company {
                id
              }
              ... on Lead {
                id
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

export const SegmentTemplatesQuery = graphql(`
  query EditorSegmentTemplates($locale: String) {
    segmentTemplates(locale: $locale) {
      id
      name
      description
      source
      clientType
      filter
    }
  }
`);

export const CreateDynamicSegmentMutation = graphql(`
  mutation EditorCreateSegment($input: CreateSegmentInput!) {
    createSegment(input: $input) {
      segment {
        id
        version
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

export const UpdateDynamicSegmentMutation = graphql(`
  mutation EditorUpdateSegment($input: UpdateSegmentInput!) {
    updateSegment(input: $input) {
      segment {
        id
        version
        updatedAt
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

export const SegmentVersionsQuery = graphql(`
  query EditorSegmentVersions($id: ID!) {
    segment(id: $id) {
      id
      version
      versions {
        id
        version
        savedAt
        savedBy {
          id
          name
        }
        name
        description
        tags
        source
        clientType
        filter
      }
    }
  }
`);

export const RestoreSegmentVersionMutation = graphql(`
  mutation EditorRestoreSegmentVersion($id: ID!, $version: Int!, $expectedVersion: Int!) {
    restoreSegmentVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {
      segment {
        id
        version
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
