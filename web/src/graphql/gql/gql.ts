/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Dashboard {\n    contacts(first: 0) {\n      totalCount\n    }\n    companies(first: 0) {\n      totalCount\n    }\n    leads(first: 0) {\n      totalCount\n    }\n    deals(first: 0) {\n      totalCount\n    }\n    products(first: 0) {\n      totalCount\n    }\n    orders(first: 0) {\n      totalCount\n    }\n    pipelines {\n      id\n      name\n      sort\n      isDefault\n      stages {\n        id\n        code\n        name\n        sort\n        semantic\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query EditorSegmentFields($source: SegmentSource!, $locale: String) {\n    segmentFields(source: $source, locale: $locale) {\n      id\n      name\n      label\n      scope\n      valueType\n      inputType\n      valueEditorType\n      searchable\n      operators\n      values {\n        value\n        label\n        group\n        groupId\n      }\n    }\n  }\n": typeof types.EditorSegmentFieldsDocument,
    "\n  query EditorFilterValues($field: String!, $search: String, $locale: String) {\n    filterValues(field: $field, search: $search, first: 30, locale: $locale) {\n      edges {\n        node {\n          value\n          label\n        }\n      }\n    }\n  }\n": typeof types.EditorFilterValuesDocument,
    "\n  query EditorNodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on User {\n        name\n      }\n      ... on Product {\n        name\n      }\n      ... on Segment {\n        name\n      }\n    }\n  }\n": typeof types.EditorNodeLabelsDocument,
    "\n  query EditorSegment($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      source\n      clientType\n      tags\n      timeZone\n      version\n      filter\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.EditorSegmentDocument,
    "\n  query EditorPreviewCounts($input: SegmentDefinitionInput!) {\n    previewSegment(input: $input) {\n      errors {\n        code\n        message\n        path\n        count\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts(channels: [EMAIL, PHONE, IM]) {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n": typeof types.EditorPreviewCountsDocument,
    "\n  query EditorPreviewRecipients($input: SegmentDefinitionInput!, $channel: Channel!, $after: String) {\n    previewSegment(input: $input) {\n      recipients(channel: $channel, first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            address\n            channel\n            name\n            ownerCount\n            owner {\n              __typename\n              ... on Contact {\n                id\n              }\n              ... on Company {\n                id\n              }\n              ... on Lead {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.EditorPreviewRecipientsDocument,
    "\n  query EditorSegmentTemplates($locale: String) {\n    segmentTemplates(locale: $locale) {\n      id\n      name\n      description\n      source\n      clientType\n      filter\n    }\n  }\n": typeof types.EditorSegmentTemplatesDocument,
    "\n  mutation EditorCreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": typeof types.EditorCreateSegmentDocument,
    "\n  mutation EditorUpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        version\n        updatedAt\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": typeof types.EditorUpdateSegmentDocument,
    "\n  query EditorSegmentVersions($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        id\n        version\n        savedAt\n        savedBy {\n          id\n          name\n        }\n        name\n        description\n        tags\n        source\n        clientType\n        filter\n      }\n    }\n  }\n": typeof types.EditorSegmentVersionsDocument,
    "\n  mutation EditorRestoreSegmentVersion($id: ID!, $version: Int!, $expectedVersion: Int!) {\n    restoreSegmentVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": typeof types.EditorRestoreSegmentVersionDocument,
    "\n  query EditorExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n": typeof types.EditorExportUrlDocument,
    "\n  query SegmentsList($where: SegmentListFilter, $orderBy: SegmentOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    segments(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          kind\n          source\n          clientType\n          tags\n          updatedAt\n          updatedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.SegmentsListDocument,
    "\n  query SegmentListSizes($id: ID!) {\n    segment(id: $id) {\n      id\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n": typeof types.SegmentListSizesDocument,
    "\n  query SegmentListTags {\n    segmentTags {\n      tag\n      count\n    }\n  }\n": typeof types.SegmentListTagsDocument,
    "\n  mutation SegmentListCreateStatic($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": typeof types.SegmentListCreateStaticDocument,
    "\n  mutation SegmentListDuplicate($id: ID!) {\n    duplicateSegment(id: $id) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": typeof types.SegmentListDuplicateDocument,
    "\n  mutation SegmentListDelete($id: ID!) {\n    deleteSegment(id: $id) {\n      deletedId\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": typeof types.SegmentListDeleteDocument,
    "\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n": typeof types.SegmentKindDocument,
};
const documents: Documents = {
    "\n  query Dashboard {\n    contacts(first: 0) {\n      totalCount\n    }\n    companies(first: 0) {\n      totalCount\n    }\n    leads(first: 0) {\n      totalCount\n    }\n    deals(first: 0) {\n      totalCount\n    }\n    products(first: 0) {\n      totalCount\n    }\n    orders(first: 0) {\n      totalCount\n    }\n    pipelines {\n      id\n      name\n      sort\n      isDefault\n      stages {\n        id\n        code\n        name\n        sort\n        semantic\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query EditorSegmentFields($source: SegmentSource!, $locale: String) {\n    segmentFields(source: $source, locale: $locale) {\n      id\n      name\n      label\n      scope\n      valueType\n      inputType\n      valueEditorType\n      searchable\n      operators\n      values {\n        value\n        label\n        group\n        groupId\n      }\n    }\n  }\n": types.EditorSegmentFieldsDocument,
    "\n  query EditorFilterValues($field: String!, $search: String, $locale: String) {\n    filterValues(field: $field, search: $search, first: 30, locale: $locale) {\n      edges {\n        node {\n          value\n          label\n        }\n      }\n    }\n  }\n": types.EditorFilterValuesDocument,
    "\n  query EditorNodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on User {\n        name\n      }\n      ... on Product {\n        name\n      }\n      ... on Segment {\n        name\n      }\n    }\n  }\n": types.EditorNodeLabelsDocument,
    "\n  query EditorSegment($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      source\n      clientType\n      tags\n      timeZone\n      version\n      filter\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n    }\n  }\n": types.EditorSegmentDocument,
    "\n  query EditorPreviewCounts($input: SegmentDefinitionInput!) {\n    previewSegment(input: $input) {\n      errors {\n        code\n        message\n        path\n        count\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts(channels: [EMAIL, PHONE, IM]) {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n": types.EditorPreviewCountsDocument,
    "\n  query EditorPreviewRecipients($input: SegmentDefinitionInput!, $channel: Channel!, $after: String) {\n    previewSegment(input: $input) {\n      recipients(channel: $channel, first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            address\n            channel\n            name\n            ownerCount\n            owner {\n              __typename\n              ... on Contact {\n                id\n              }\n              ... on Company {\n                id\n              }\n              ... on Lead {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.EditorPreviewRecipientsDocument,
    "\n  query EditorSegmentTemplates($locale: String) {\n    segmentTemplates(locale: $locale) {\n      id\n      name\n      description\n      source\n      clientType\n      filter\n    }\n  }\n": types.EditorSegmentTemplatesDocument,
    "\n  mutation EditorCreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": types.EditorCreateSegmentDocument,
    "\n  mutation EditorUpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        version\n        updatedAt\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": types.EditorUpdateSegmentDocument,
    "\n  query EditorSegmentVersions($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        id\n        version\n        savedAt\n        savedBy {\n          id\n          name\n        }\n        name\n        description\n        tags\n        source\n        clientType\n        filter\n      }\n    }\n  }\n": types.EditorSegmentVersionsDocument,
    "\n  mutation EditorRestoreSegmentVersion($id: ID!, $version: Int!, $expectedVersion: Int!) {\n    restoreSegmentVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": types.EditorRestoreSegmentVersionDocument,
    "\n  query EditorExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n": types.EditorExportUrlDocument,
    "\n  query SegmentsList($where: SegmentListFilter, $orderBy: SegmentOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    segments(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          kind\n          source\n          clientType\n          tags\n          updatedAt\n          updatedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.SegmentsListDocument,
    "\n  query SegmentListSizes($id: ID!) {\n    segment(id: $id) {\n      id\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n": types.SegmentListSizesDocument,
    "\n  query SegmentListTags {\n    segmentTags {\n      tag\n      count\n    }\n  }\n": types.SegmentListTagsDocument,
    "\n  mutation SegmentListCreateStatic($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": types.SegmentListCreateStaticDocument,
    "\n  mutation SegmentListDuplicate($id: ID!) {\n    duplicateSegment(id: $id) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": types.SegmentListDuplicateDocument,
    "\n  mutation SegmentListDelete($id: ID!) {\n    deleteSegment(id: $id) {\n      deletedId\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n": types.SegmentListDeleteDocument,
    "\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n": types.SegmentKindDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    contacts(first: 0) {\n      totalCount\n    }\n    companies(first: 0) {\n      totalCount\n    }\n    leads(first: 0) {\n      totalCount\n    }\n    deals(first: 0) {\n      totalCount\n    }\n    products(first: 0) {\n      totalCount\n    }\n    orders(first: 0) {\n      totalCount\n    }\n    pipelines {\n      id\n      name\n      sort\n      isDefault\n      stages {\n        id\n        code\n        name\n        sort\n        semantic\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    contacts(first: 0) {\n      totalCount\n    }\n    companies(first: 0) {\n      totalCount\n    }\n    leads(first: 0) {\n      totalCount\n    }\n    deals(first: 0) {\n      totalCount\n    }\n    products(first: 0) {\n      totalCount\n    }\n    orders(first: 0) {\n      totalCount\n    }\n    pipelines {\n      id\n      name\n      sort\n      isDefault\n      stages {\n        id\n        code\n        name\n        sort\n        semantic\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorSegmentFields($source: SegmentSource!, $locale: String) {\n    segmentFields(source: $source, locale: $locale) {\n      id\n      name\n      label\n      scope\n      valueType\n      inputType\n      valueEditorType\n      searchable\n      operators\n      values {\n        value\n        label\n        group\n        groupId\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorSegmentFields($source: SegmentSource!, $locale: String) {\n    segmentFields(source: $source, locale: $locale) {\n      id\n      name\n      label\n      scope\n      valueType\n      inputType\n      valueEditorType\n      searchable\n      operators\n      values {\n        value\n        label\n        group\n        groupId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorFilterValues($field: String!, $search: String, $locale: String) {\n    filterValues(field: $field, search: $search, first: 30, locale: $locale) {\n      edges {\n        node {\n          value\n          label\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorFilterValues($field: String!, $search: String, $locale: String) {\n    filterValues(field: $field, search: $search, first: 30, locale: $locale) {\n      edges {\n        node {\n          value\n          label\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorNodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on User {\n        name\n      }\n      ... on Product {\n        name\n      }\n      ... on Segment {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorNodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on User {\n        name\n      }\n      ... on Product {\n        name\n      }\n      ... on Segment {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorSegment($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      source\n      clientType\n      tags\n      timeZone\n      version\n      filter\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorSegment($id: ID!) {\n    segment(id: $id) {\n      id\n      name\n      description\n      kind\n      source\n      clientType\n      tags\n      timeZone\n      version\n      filter\n      updatedAt\n      updatedBy {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorPreviewCounts($input: SegmentDefinitionInput!) {\n    previewSegment(input: $input) {\n      errors {\n        code\n        message\n        path\n        count\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts(channels: [EMAIL, PHONE, IM]) {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorPreviewCounts($input: SegmentDefinitionInput!) {\n    previewSegment(input: $input) {\n      errors {\n        code\n        message\n        path\n        count\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts(channels: [EMAIL, PHONE, IM]) {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorPreviewRecipients($input: SegmentDefinitionInput!, $channel: Channel!, $after: String) {\n    previewSegment(input: $input) {\n      recipients(channel: $channel, first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            address\n            channel\n            name\n            ownerCount\n            owner {\n              __typename\n              ... on Contact {\n                id\n              }\n              ... on Company {\n                id\n              }\n              ... on Lead {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorPreviewRecipients($input: SegmentDefinitionInput!, $channel: Channel!, $after: String) {\n    previewSegment(input: $input) {\n      recipients(channel: $channel, first: 20, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            address\n            channel\n            name\n            ownerCount\n            owner {\n              __typename\n              ... on Contact {\n                id\n              }\n              ... on Company {\n                id\n              }\n              ... on Lead {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorSegmentTemplates($locale: String) {\n    segmentTemplates(locale: $locale) {\n      id\n      name\n      description\n      source\n      clientType\n      filter\n    }\n  }\n"): (typeof documents)["\n  query EditorSegmentTemplates($locale: String) {\n    segmentTemplates(locale: $locale) {\n      id\n      name\n      description\n      source\n      clientType\n      filter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorCreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditorCreateSegment($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorUpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        version\n        updatedAt\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditorUpdateSegment($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        version\n        updatedAt\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorSegmentVersions($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        id\n        version\n        savedAt\n        savedBy {\n          id\n          name\n        }\n        name\n        description\n        tags\n        source\n        clientType\n        filter\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorSegmentVersions($id: ID!) {\n    segment(id: $id) {\n      id\n      version\n      versions {\n        id\n        version\n        savedAt\n        savedBy {\n          id\n          name\n        }\n        name\n        description\n        tags\n        source\n        clientType\n        filter\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorRestoreSegmentVersion($id: ID!, $version: Int!, $expectedVersion: Int!) {\n    restoreSegmentVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditorRestoreSegmentVersion($id: ID!, $version: Int!, $expectedVersion: Int!) {\n    restoreSegmentVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      segment {\n        id\n        version\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n"): (typeof documents)["\n  query EditorExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentsList($where: SegmentListFilter, $orderBy: SegmentOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    segments(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          kind\n          source\n          clientType\n          tags\n          updatedAt\n          updatedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentsList($where: SegmentListFilter, $orderBy: SegmentOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    segments(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          kind\n          source\n          clientType\n          tags\n          updatedAt\n          updatedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentListSizes($id: ID!) {\n    segment(id: $id) {\n      id\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query SegmentListSizes($id: ID!) {\n    segment(id: $id) {\n      id\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentListTags {\n    segmentTags {\n      tag\n      count\n    }\n  }\n"): (typeof documents)["\n  query SegmentListTags {\n    segmentTags {\n      tag\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SegmentListCreateStatic($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SegmentListCreateStatic($input: CreateSegmentInput!) {\n    createSegment(input: $input) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SegmentListDuplicate($id: ID!) {\n    duplicateSegment(id: $id) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SegmentListDuplicate($id: ID!) {\n    duplicateSegment(id: $id) {\n      segment {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SegmentListDelete($id: ID!) {\n    deleteSegment(id: $id) {\n      deletedId\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SegmentListDelete($id: ID!) {\n    deleteSegment(id: $id) {\n      deletedId\n      errors {\n        code\n        message\n        path\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;