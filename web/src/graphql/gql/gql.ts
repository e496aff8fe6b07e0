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
    "\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n": typeof types.SegmentKindDocument,
    "\n  query StaticSegmentSummary($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n      description\n      tags\n      version\n      stored: entries(first: 0) {\n        totalCount\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n": typeof types.StaticSegmentSummaryDocument,
    "\n  query StaticSegmentExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n": typeof types.StaticSegmentExportUrlDocument,
    "\n  query StaticSegmentEntriesPage($id: ID!, $channel: Channel, $search: String, $first: Int!, $after: String) {\n    segment(id: $id) {\n      id\n      entries(channel: $channel, search: $search, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            channel\n            address\n            name\n            addedAt\n            owner {\n              __typename\n              ... on Contact {\n                id\n                fullName\n              }\n              ... on Company {\n                id\n                title\n              }\n              ... on Lead {\n                id\n                title\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.StaticSegmentEntriesPageDocument,
    "\n  mutation StartStaticImport($id: ID!, $text: String!) {\n    startStaticSegmentImport(id: $id, text: $text) {\n      job {\n        id\n        state\n        totalLines\n        processedLines\n        error\n        report {\n          lines\n          imported\n          duplicatesInInput\n          alreadyPresent\n          invalidCount\n          invalid {\n            line\n            text\n            reason\n            code\n          }\n        }\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": typeof types.StartStaticImportDocument,
    "\n  query StaticImportJobPoll($id: ID!) {\n    staticImportJob(id: $id) {\n      id\n      state\n      totalLines\n      processedLines\n      error\n      report {\n        lines\n        imported\n        duplicatesInInput\n        alreadyPresent\n        invalidCount\n        invalid {\n          line\n          text\n          reason\n          code\n        }\n      }\n    }\n  }\n": typeof types.StaticImportJobPollDocument,
    "\n  mutation AddStaticMember($id: ID!, $members: [StaticMemberInput!]!) {\n    addStaticSegmentMembers(id: $id, members: $members) {\n      imported\n      alreadyPresent\n      invalid {\n        line\n        reason\n        code\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": typeof types.AddStaticMemberDocument,
    "\n  mutation RemoveStaticMember($id: ID!, $members: [StaticMemberRefInput!]!) {\n    removeStaticSegmentMembers(id: $id, members: $members) {\n      removed\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": typeof types.RemoveStaticMemberDocument,
    "\n  mutation UpdateStaticSegmentDetails($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        name\n        description\n        tags\n        version\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": typeof types.UpdateStaticSegmentDetailsDocument,
};
const documents: Documents = {
    "\n  query Dashboard {\n    contacts(first: 0) {\n      totalCount\n    }\n    companies(first: 0) {\n      totalCount\n    }\n    leads(first: 0) {\n      totalCount\n    }\n    deals(first: 0) {\n      totalCount\n    }\n    products(first: 0) {\n      totalCount\n    }\n    orders(first: 0) {\n      totalCount\n    }\n    pipelines {\n      id\n      name\n      sort\n      isDefault\n      stages {\n        id\n        code\n        name\n        sort\n        semantic\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n": types.SegmentKindDocument,
    "\n  query StaticSegmentSummary($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n      description\n      tags\n      version\n      stored: entries(first: 0) {\n        totalCount\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n": types.StaticSegmentSummaryDocument,
    "\n  query StaticSegmentExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n": types.StaticSegmentExportUrlDocument,
    "\n  query StaticSegmentEntriesPage($id: ID!, $channel: Channel, $search: String, $first: Int!, $after: String) {\n    segment(id: $id) {\n      id\n      entries(channel: $channel, search: $search, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            channel\n            address\n            name\n            addedAt\n            owner {\n              __typename\n              ... on Contact {\n                id\n                fullName\n              }\n              ... on Company {\n                id\n                title\n              }\n              ... on Lead {\n                id\n                title\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.StaticSegmentEntriesPageDocument,
    "\n  mutation StartStaticImport($id: ID!, $text: String!) {\n    startStaticSegmentImport(id: $id, text: $text) {\n      job {\n        id\n        state\n        totalLines\n        processedLines\n        error\n        report {\n          lines\n          imported\n          duplicatesInInput\n          alreadyPresent\n          invalidCount\n          invalid {\n            line\n            text\n            reason\n            code\n          }\n        }\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": types.StartStaticImportDocument,
    "\n  query StaticImportJobPoll($id: ID!) {\n    staticImportJob(id: $id) {\n      id\n      state\n      totalLines\n      processedLines\n      error\n      report {\n        lines\n        imported\n        duplicatesInInput\n        alreadyPresent\n        invalidCount\n        invalid {\n          line\n          text\n          reason\n          code\n        }\n      }\n    }\n  }\n": types.StaticImportJobPollDocument,
    "\n  mutation AddStaticMember($id: ID!, $members: [StaticMemberInput!]!) {\n    addStaticSegmentMembers(id: $id, members: $members) {\n      imported\n      alreadyPresent\n      invalid {\n        line\n        reason\n        code\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": types.AddStaticMemberDocument,
    "\n  mutation RemoveStaticMember($id: ID!, $members: [StaticMemberRefInput!]!) {\n    removeStaticSegmentMembers(id: $id, members: $members) {\n      removed\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": types.RemoveStaticMemberDocument,
    "\n  mutation UpdateStaticSegmentDetails($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        name\n        description\n        tags\n        version\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n": types.UpdateStaticSegmentDetailsDocument,
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
export function graphql(source: "\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  query SegmentKind($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaticSegmentSummary($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n      description\n      tags\n      version\n      stored: entries(first: 0) {\n        totalCount\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaticSegmentSummary($id: ID!) {\n    segment(id: $id) {\n      id\n      kind\n      name\n      description\n      tags\n      version\n      stored: entries(first: 0) {\n        totalCount\n      }\n      memberCount {\n        value\n        computedAt\n      }\n      recipientCounts {\n        channel\n        value\n        computedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaticSegmentExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n"): (typeof documents)["\n  query StaticSegmentExportUrl($id: ID!, $channel: Channel!) {\n    segment(id: $id) {\n      id\n      exportUrl(channel: $channel)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaticSegmentEntriesPage($id: ID!, $channel: Channel, $search: String, $first: Int!, $after: String) {\n    segment(id: $id) {\n      id\n      entries(channel: $channel, search: $search, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            channel\n            address\n            name\n            addedAt\n            owner {\n              __typename\n              ... on Contact {\n                id\n                fullName\n              }\n              ... on Company {\n                id\n                title\n              }\n              ... on Lead {\n                id\n                title\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaticSegmentEntriesPage($id: ID!, $channel: Channel, $search: String, $first: Int!, $after: String) {\n    segment(id: $id) {\n      id\n      entries(channel: $channel, search: $search, first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            channel\n            address\n            name\n            addedAt\n            owner {\n              __typename\n              ... on Contact {\n                id\n                fullName\n              }\n              ... on Company {\n                id\n                title\n              }\n              ... on Lead {\n                id\n                title\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartStaticImport($id: ID!, $text: String!) {\n    startStaticSegmentImport(id: $id, text: $text) {\n      job {\n        id\n        state\n        totalLines\n        processedLines\n        error\n        report {\n          lines\n          imported\n          duplicatesInInput\n          alreadyPresent\n          invalidCount\n          invalid {\n            line\n            text\n            reason\n            code\n          }\n        }\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartStaticImport($id: ID!, $text: String!) {\n    startStaticSegmentImport(id: $id, text: $text) {\n      job {\n        id\n        state\n        totalLines\n        processedLines\n        error\n        report {\n          lines\n          imported\n          duplicatesInInput\n          alreadyPresent\n          invalidCount\n          invalid {\n            line\n            text\n            reason\n            code\n          }\n        }\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaticImportJobPoll($id: ID!) {\n    staticImportJob(id: $id) {\n      id\n      state\n      totalLines\n      processedLines\n      error\n      report {\n        lines\n        imported\n        duplicatesInInput\n        alreadyPresent\n        invalidCount\n        invalid {\n          line\n          text\n          reason\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaticImportJobPoll($id: ID!) {\n    staticImportJob(id: $id) {\n      id\n      state\n      totalLines\n      processedLines\n      error\n      report {\n        lines\n        imported\n        duplicatesInInput\n        alreadyPresent\n        invalidCount\n        invalid {\n          line\n          text\n          reason\n          code\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStaticMember($id: ID!, $members: [StaticMemberInput!]!) {\n    addStaticSegmentMembers(id: $id, members: $members) {\n      imported\n      alreadyPresent\n      invalid {\n        line\n        reason\n        code\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddStaticMember($id: ID!, $members: [StaticMemberInput!]!) {\n    addStaticSegmentMembers(id: $id, members: $members) {\n      imported\n      alreadyPresent\n      invalid {\n        line\n        reason\n        code\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStaticMember($id: ID!, $members: [StaticMemberRefInput!]!) {\n    removeStaticSegmentMembers(id: $id, members: $members) {\n      removed\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveStaticMember($id: ID!, $members: [StaticMemberRefInput!]!) {\n    removeStaticSegmentMembers(id: $id, members: $members) {\n      removed\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaticSegmentDetails($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        name\n        description\n        tags\n        version\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStaticSegmentDetails($input: UpdateSegmentInput!) {\n    updateSegment(input: $input) {\n      segment {\n        id\n        name\n        description\n        tags\n        version\n      }\n      errors {\n        path\n        code\n        message\n        count\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;