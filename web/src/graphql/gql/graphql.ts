/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** E-mail, phone or messenger. */
export type Channel =
  | 'EMAIL'
  | 'IM'
  | 'PHONE';

export type ClientType =
  | 'ANY'
  | 'COMPANY'
  | 'CONTACT';

export type Combinator =
  | 'AND'
  | 'OR';

/** Inclusive calendar days in the evaluation time zone; either may be null (open). */
export type DateRangeInput = {
  from?: string | null | undefined;
  to?: string | null | undefined;
};

export type DateUnit =
  | 'DAY'
  | 'MONTH'
  | 'WEEK'
  | 'YEAR';

/** A group of rules joined by AND / OR; with a scope, its rules test one related record (quantified). */
export type FilterGroupInput = {
  combinator?: Combinator;
  /** Negates the whole group (its exact complement over the members). */
  not?: boolean;
  /** Only with a scope; default SOME. */
  quantifier?: Quantifier | null | undefined;
  /** At least one, except in a scoped group ("has no deal"). */
  rules: Array<FilterNodeInput>;
  /** null = the member itself; DEALS, PURCHASES, ORDERS, ACTIVITIES = one related record. */
  scope?: FilterScope | null | undefined;
  /** With AT_LEAST, AT_MOST, EXACTLY. */
  threshold?: number | null | undefined;
};

/** Exactly one of a rule or a nested group. */
export type FilterNodeInput = {
  group?: FilterGroupInput | null | undefined;
  rule?: FilterRuleInput | null | undefined;
};

export type FilterOperator =
  | 'AFTER'
  | 'BEFORE'
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'ENDS_WITH'
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'HAS_ALL'
  | 'HAS_ANY'
  | 'HAS_NONE'
  | 'IN'
  | 'IN_NEXT_DAYS'
  | 'IS_EMPTY'
  | 'IS_NOT_EMPTY'
  | 'LT'
  | 'LTE'
  | 'MORE_THAN_AGO'
  | 'NEQ'
  | 'NOT_BETWEEN'
  | 'NOT_CONTAINS'
  | 'NOT_IN'
  | 'ON'
  | 'WITHIN_LAST';

/** One condition: a catalog field, an operator, and a value. */
export type FilterRuleInput = {
  /** A field id from segmentFields, e.g. "client.city", "deal.stage", "custom.deal.UF_MEMBERSHIP_TYPE". */
  field: string;
  operator: FilterOperator;
  value?: FilterValueInput | null | undefined;
};

export type FilterScope =
  | 'ACTIVITIES'
  | 'DEALS'
  | 'ORDERS'
  | 'PURCHASES';

/** Exactly one slot, the one that fits the field type and operator; none for IS_EMPTY / IS_NOT_EMPTY. */
export type FilterValueInput = {
  boolean?: boolean | null | undefined;
  date?: string | null | undefined;
  dateRange?: DateRangeInput | null | undefined;
  /** Global ids of users, products, pipelines, stages, segments. */
  ids?: Array<string | number> | null | undefined;
  number?: number | null | undefined;
  numberRange?: NumberRangeInput | null | undefined;
  relative?: RelativeDateInput | null | undefined;
  string?: string | null | undefined;
  /** Several strings, or stable codes of enum / reference / list values. */
  strings?: Array<string> | null | undefined;
};

/** Inclusive bounds; either may be null (open). */
export type NumberRangeInput = {
  max?: number | null | undefined;
  min?: number | null | undefined;
};

export type Quantifier =
  | 'ALL'
  | 'AT_LEAST'
  | 'AT_MOST'
  | 'EXACTLY'
  | 'NONE'
  | 'SOME';

/** "30 DAY" = from the start of the day 30 days ago (WITHIN_LAST) / before it (MORE_THAN_AGO). */
export type RelativeDateInput = {
  amount: number;
  unit: DateUnit;
};

/** DYNAMIC: a filter evaluated at query time. STATIC: a stored list of addresses. */
export type SegmentKind =
  | 'DYNAMIC'
  | 'STATIC';

/** Clients (contacts and/or companies) or leads. */
export type SegmentSource =
  | 'CLIENTS'
  | 'LEADS';

export type StageSemantic =
  | 'IN_PROGRESS'
  | 'LOST'
  | 'WON';

/** RUNNING: lines are being stored. DONE: the report is ready. FAILED: nothing was stored (see error). */
export type StaticImportJobState =
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

export type StaticMemberInput = {
  address: string;
  channel: Channel;
  name?: string | null | undefined;
};

export type StaticMemberRefInput = {
  /** Normalised before matching, like on import. */
  address: string;
  channel: Channel;
};

/** Fields left out stay as they are. The kind of a segment does not change. */
export type UpdateSegmentInput = {
  clientType?: ClientType | null | undefined;
  description?: string | null | undefined;
  filter?: FilterGroupInput | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  source?: SegmentSource | null | undefined;
  tags?: Array<string> | null | undefined;
  timeZone?: string | null | undefined;
  /** The version the client last read; if the segment has changed since, nothing is written and VERSION_CONFLICT is returned. */
  version: number;
};

/** Machine-readable reason of a UserError. */
export type UserErrorCode =
  | 'DUPLICATE'
  | 'EMPTY_GROUP'
  | 'INVALID'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE'
  | 'IN_USE'
  | 'MISSING_VALUE'
  | 'NOT_FOUND'
  | 'OPERATOR_NOT_ALLOWED'
  | 'REQUIRED'
  | 'SCOPE_MISMATCH'
  | 'SEGMENT_CYCLE'
  | 'STAGE_WITHOUT_PIPELINE'
  | 'TOO_DEEP'
  | 'TOO_MANY'
  | 'TOO_MANY_RULES'
  | 'TOO_MANY_VALUES'
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_VALUE'
  | 'VALUE_TYPE_MISMATCH'
  | 'VERSION_CONFLICT'
  | 'WRITE_FAILED';

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { contacts: { totalCount: number }, companies: { totalCount: number }, leads: { totalCount: number }, deals: { totalCount: number }, products: { totalCount: number }, orders: { totalCount: number }, pipelines: Array<{ id: string, name: string, sort: number, isDefault: boolean, stages: Array<{ id: string, code: string, name: string, sort: number, semantic: StageSemantic }> }> };

export type SegmentKindQueryVariables = Exact<{
  id: string | number;
}>;


export type SegmentKindQuery = { segment: { id: string, kind: SegmentKind, name: string } | null };

export type StaticSegmentSummaryQueryVariables = Exact<{
  id: string | number;
}>;


export type StaticSegmentSummaryQuery = { segment: { id: string, kind: SegmentKind, name: string, description: string | null, tags: Array<string>, version: number, stored: { totalCount: number }, memberCount: { value: number, computedAt: string }, recipientCounts: Array<{ channel: Channel, value: number, computedAt: string }> } | null };

export type StaticSegmentExportUrlQueryVariables = Exact<{
  id: string | number;
  channel: Channel;
}>;


export type StaticSegmentExportUrlQuery = { segment: { id: string, exportUrl: string } | null };

export type StaticSegmentEntriesPageQueryVariables = Exact<{
  id: string | number;
  channel?: Channel | null | undefined;
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type StaticSegmentEntriesPageQuery = { segment: { id: string, entries: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, channel: Channel, address: string, name: string | null, addedAt: string, owner:
            | { __typename: 'Company', id: string, title: string }
            | { __typename: 'Contact', id: string, fullName: string }
            | { __typename: 'Lead', id: string, title: string }
           | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type StartStaticImportMutationVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type StartStaticImportMutation = { startStaticSegmentImport: { job: { id: string, state: StaticImportJobState, totalLines: number, processedLines: number, error: string | null, report: { lines: number, imported: number, duplicatesInInput: number, alreadyPresent: number, invalidCount: number, invalid: Array<{ line: number, text: string, reason: string, code: UserErrorCode }> } | null } | null, errors: Array<{ path: Array<string>, code: UserErrorCode, message: string, count: number | null }> } };

export type StaticImportJobPollQueryVariables = Exact<{
  id: string | number;
}>;


export type StaticImportJobPollQuery = { staticImportJob: { id: string, state: StaticImportJobState, totalLines: number, processedLines: number, error: string | null, report: { lines: number, imported: number, duplicatesInInput: number, alreadyPresent: number, invalidCount: number, invalid: Array<{ line: number, text: string, reason: string, code: UserErrorCode }> } | null } | null };

export type AddStaticMemberMutationVariables = Exact<{
  id: string | number;
  members: Array<StaticMemberInput> | StaticMemberInput;
}>;


export type AddStaticMemberMutation = { addStaticSegmentMembers: { imported: number, alreadyPresent: number, invalid: Array<{ line: number, reason: string, code: UserErrorCode }>, errors: Array<{ path: Array<string>, code: UserErrorCode, message: string, count: number | null }> } };

export type RemoveStaticMemberMutationVariables = Exact<{
  id: string | number;
  members: Array<StaticMemberRefInput> | StaticMemberRefInput;
}>;


export type RemoveStaticMemberMutation = { removeStaticSegmentMembers: { removed: number, errors: Array<{ path: Array<string>, code: UserErrorCode, message: string, count: number | null }> } };

export type UpdateStaticSegmentDetailsMutationVariables = Exact<{
  input: UpdateSegmentInput;
}>;


export type UpdateStaticSegmentDetailsMutation = { updateSegment: { segment: { id: string, name: string, description: string | null, tags: Array<string>, version: number } | null, errors: Array<{ path: Array<string>, code: UserErrorCode, message: string, count: number | null }> } };


export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"companies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pipelines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}},{"kind":"Field","name":{"kind":"Name","value":"semantic"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const SegmentKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SegmentKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SegmentKindQuery, SegmentKindQueryVariables>;
export const StaticSegmentSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaticSegmentSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","alias":{"kind":"Name","value":"stored"},"name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recipientCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]}}]}}]} as unknown as DocumentNode<StaticSegmentSummaryQuery, StaticSegmentSummaryQueryVariables>;
export const StaticSegmentExportUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaticSegmentExportUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}]}]}}]}}]} as unknown as DocumentNode<StaticSegmentExportUrlQuery, StaticSegmentExportUrlQueryVariables>;
export const StaticSegmentEntriesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaticSegmentEntriesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Company"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lead"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StaticSegmentEntriesPageQuery, StaticSegmentEntriesPageQueryVariables>;
export const StartStaticImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartStaticImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startStaticSegmentImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"totalLines"}},{"kind":"Field","name":{"kind":"Name","value":"processedLines"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"duplicatesInInput"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyPresent"}},{"kind":"Field","name":{"kind":"Name","value":"invalidCount"}},{"kind":"Field","name":{"kind":"Name","value":"invalid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<StartStaticImportMutation, StartStaticImportMutationVariables>;
export const StaticImportJobPollDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaticImportJobPoll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staticImportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"totalLines"}},{"kind":"Field","name":{"kind":"Name","value":"processedLines"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"duplicatesInInput"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyPresent"}},{"kind":"Field","name":{"kind":"Name","value":"invalidCount"}},{"kind":"Field","name":{"kind":"Name","value":"invalid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StaticImportJobPollQuery, StaticImportJobPollQueryVariables>;
export const AddStaticMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddStaticMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"members"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaticMemberInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addStaticSegmentMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"members"},"value":{"kind":"Variable","name":{"kind":"Name","value":"members"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyPresent"}},{"kind":"Field","name":{"kind":"Name","value":"invalid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<AddStaticMemberMutation, AddStaticMemberMutationVariables>;
export const RemoveStaticMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveStaticMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"members"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaticMemberRefInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeStaticSegmentMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"members"},"value":{"kind":"Variable","name":{"kind":"Name","value":"members"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveStaticMemberMutation, RemoveStaticMemberMutationVariables>;
export const UpdateStaticSegmentDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStaticSegmentDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSegmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateStaticSegmentDetailsMutation, UpdateStaticSegmentDetailsMutationVariables>;