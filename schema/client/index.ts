/**
 * The typed Segmenta client for other teams: typed documents (`SegmentFieldsDocument`,
 * `SegmentRecipientsDocument`, …) of the example operations in `schema/operations/`, their result and
 * variables types (`SegmentRecipientsQuery`, `SegmentRecipientsQueryVariables`, …), the fragments'
 * types, and the schema's input and enum types (`FilterGroupInput`, `Channel`, `UserErrorCode`, …).
 *
 * Everything under `./generated/` is written by `npx graphql-codegen --config codegen.ts` (checked for
 * drift in CI); do not edit it. The documents are plain GraphQL ASTs typed as `TypedDocumentNode`, so
 * urql, Apollo Client, graphql-request or `print()` + fetch accept them as they are.
 */
export * from './generated/graphql';
export { graphql } from './generated/gql';
export type { TypedDocumentNode, ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
