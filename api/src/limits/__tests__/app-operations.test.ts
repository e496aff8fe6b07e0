import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemAt } from '../../lib/indexed';
import { loadConfig, repoRoot } from '../../config/config';
import { getSchema } from '../../schema';
import { checkDocumentLimits, newLimitCache, operationCost, withLimitCode } from '../document-limits';
import { IMPORT_MUTATIONS, isImportDocument } from '../import-operations';
import { COUNT_COST, DEFAULT_PAGE_SIZE } from '../query-cost';

const config = loadConfig({});
const limits = { ...config.graphqlLimits, maxPageSize: config.maxPageSize };
/** Every `first`/`last` variable is sent as this: above any page size the app (20-30) or the client's defaults (50, 100) use. */
const PAGE_VARIABLE = 100;

/**
 * The operations the app and the committed client send, read from the generated documents (the
 * client preset writes each as one JSON line: `export const XDocument = {...} as unknown as …`).
 */
function generatedOperations(file: string): Array<{ name: string; document: DocumentNode }> {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const found = [...text.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm)];
  const declared = text.match(/^export const \w+Document = /gm)?.length ?? 0;
  expect(found.length).toBe(declared);
  return found.map((match) => ({ name: itemAt(match, 1), document: JSON.parse(itemAt(match, 2)) as DocumentNode }));
}

/** A value of the variable's type that the schema accepts; nullable variables stay unset (they widen nothing). */
function sampleValue(schema: GraphQLSchema, type: GraphQLInputType, name: string): unknown {
  const inner: GraphQLInputType = getNullableType(type);
  if (isListType(inner)) return [sampleValue(schema, inner.ofType, name)];
  if (isEnumType(inner)) return itemAt(inner.getValues(), 0).name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sampleValue(schema, f.type, f.name)]));
  }
  switch (getNamedType(inner).name) {
    case 'Int':
      return name === 'first' || name === 'last' ? PAGE_VARIABLE : 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'ID':
      return 'U2VnbWVudDox';
    case 'DateTime':
      return '2026-01-01T00:00:00Z';
    case 'Date':
      return '2026-01-01';
    case 'EmailAddress':
      return 'ana@example.com';
    case 'FilterTree':
      return { combinator: 'AND', rules: [] };
    default:
      return 'x';
  }
}

function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType;
    if (name === 'first' || name === 'last') variables[name] = PAGE_VARIABLE;
    else if (isNonNullType(type) && !definition.defaultValue) variables[name] = sampleValue(schema, type, name);
  }
  return variables;
}

describe('GraphQL limits and the operations the app and the client send', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  const sources = [
    { file: 'web/src/graphql/gql/graphql.ts', who: 'the web app' },
    { file: 'schema/client/generated/graphql.ts', who: 'the committed client' },
  ];
  for (const { file, who } of sources) {
    it(`accepts every operation of ${who} (${file}) with default limits and ${PAGE_VARIABLE}-row pages`, () => {
      const operations = generatedOperations(file);
      expect(operations.length).toBeGreaterThan(20);
      const costs: Array<[string, number]> = [];
      for (const { name, document: generated } of operations) {
        // As the client sends it: printed, then parsed by the server with the token limit.
        const document = parse(print(generated), { maxTokens: limits.maxTokens });
        for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
          const variables = sampleVariables(schema, operation);
          // The sample must be valid, or the cost check would be skipped and the test prove nothing.
          expect(getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors, name).toBeUndefined();
          const toCheck = { schema, document, operationName: operation.name?.value, variables };
          expect(
            checkDocumentLimits(toCheck, limits).map((e) => e.message),
            name,
          ).toEqual([]);
          costs.push([name, operationCost(toCheck, limits.maxPageSize)]);
        }
      }
      // The dearest operation stays well under the limit (room for the app to grow).
      const dearest = costs.reduce((a, b) => (b[1] > a[1] ? b : a));
      console.info(`${who}: ${costs.length} operations, dearest ${dearest[0]} costs ${dearest[1]} (limit ${limits.maxCost})`);
      expect(dearest[1]).toBeLessThan(limits.maxCost / 2);
    });
  }

  it('lists every bulk mutation of the schema as an import (the larger body limit)', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const bulk = mutations.filter((name) => /^(import|upsert)|Import$|^addStaticSegmentMembers$/.test(name));
    expect([...IMPORT_MUTATIONS].sort()).toEqual(bulk.sort());
    expect(isImportDocument(parse('mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { id } } }'))).toBe(true);
    expect(isImportDocument(parse('mutation { importStopList(text: "a") { imported } createSegment(input: { name: "x" }) { errors { code } } }'))).toBe(false);
    expect(isImportDocument(parse('query { segments { totalCount } }'))).toBe(false);
    expect(isImportDocument(parse('mutation { ...F } fragment F on Mutation { importStopList(text: "a") { imported } }'))).toBe(false);
  });

  describe('refuses, each with its own code', () => {
    const check = (query: string, variables: Record<string, unknown> = {}, custom = limits) =>
      checkDocumentLimits({ schema, document: parse(query), variables }, custom).map((e) => [e.extensions.code, e.message]);

    it('too deep', () => {
      const deep = `{ __type(name: "Segment") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`;
      expect(check(deep)).toEqual([['QUERY_TOO_DEEP', expect.stringMatching(/depth limit of 12 exceeded, found 13\. .*GRAPHQL_MAX_DEPTH/)]]);
      expect(check(deep, {}, { ...limits, maxDepth: 13 })).toEqual([]);
    });

    it('too many aliases, counted through fragments', () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ');
      const query = `{ segments(first: 1) { edges { node { ...F ...G } } } } fragment F on Segment { ${aliases} } fragment G on Segment { ${aliases.replace(/a(\d+)/g, 'b$1')} }`;
      expect(check(query)).toEqual([['TOO_MANY_ALIASES', expect.stringMatching(/Aliases limit of 30 exceeded, found 32\./)]]);
    });

    it('too many directives', () => {
      const fields = Array.from({ length: 21 }, () => `id @include(if: true)`).join(' ');
      expect(check(`{ segments(first: 1) { edges { node { ${fields} } } } }`)).toEqual([['TOO_MANY_DIRECTIVES', expect.stringMatching(/Directives limit of 20 exceeded, found 21\./)]]);
    });

    it('too many tokens, while parsing (Apollo calls it a parse failure; formatError gives it its code)', () => {
      const fields = Array.from({ length: limits.maxTokens }, () => 'id').join(' ');
      let message = '';
      try {
        parse(`{ segments { edges { node { ${fields} } } } }`, { maxTokens: limits.maxTokens });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(withLimitCode({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })).toEqual({
        message: expect.stringMatching(/more than 2000 tokens.*GRAPHQL_MAX_TOKENS/),
        extensions: { code: 'TOO_MANY_TOKENS' },
      });
      expect(withLimitCode({ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }).extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('too costly: nested connections multiply their `first`', () => {
      const nested = `query($n: Int) { segments(first: $n) { edges { node { members(first: $n) { edges { node { __typename } } } } } } }`;
      // 1 + n × (edges 1 + node 1 + members (1 + n × (edges 1 + node 1 + __typename 1)))
      const cost = (n: number) => 1 + n * (2 + 1 + n * 3);
      expect(operationCost({ schema, document: parse(nested), variables: { n: 500 } }, 500)).toBe(cost(500));
      // A page above MAX_PAGE_SIZE counts as MAX_PAGE_SIZE: the connection refuses it with its own error.
      expect(operationCost({ schema, document: parse(nested), variables: { n: 100000 } }, 500)).toBe(cost(500));
      expect(check(nested, { n: 500 })).toEqual([['QUERY_TOO_COSTLY', expect.stringContaining(`would cost ${cost(500)}; the limit is 50000`)]]);
      expect(check(nested, { n: 20 })).toEqual([]);
      // Without `first`, a connection counts the server's default page size.
      expect(operationCost({ schema, document: parse(nested), variables: {} }, 500)).toBe(cost(DEFAULT_PAGE_SIZE));
    });

    it('remembers a cost per shape of the variables: pages of one list share it, page sizes do not', () => {
      const cache = newLimitCache();
      const document = parse(`query($n: Int, $after: String) { segments(first: $n, after: $after) { edges { node { members(first: $n) { edges { node { __typename } } } } } } }`);
      const codes = (variables: Record<string, unknown>) => checkDocumentLimits({ schema, document, variables }, limits, cache).map((e) => e.extensions.code);
      expect(codes({ n: 5, after: 'WzEsMV0' })).toEqual([]);
      expect(codes({ n: 5, after: 'WzIsMl0' })).toEqual([]);
      expect(cache.costs.get(document)?.size).toBe(1);
      expect(codes({ n: 500, after: 'WzEsMV0' })).toEqual(['QUERY_TOO_COSTLY']);
      expect(codes({ n: 500, after: 'WzMsM10' })).toEqual(['QUERY_TOO_COSTLY']);
      expect(cache.costs.get(document)?.size).toBe(2);
      // Variables the operation cannot take are left to execution (which refuses them) and not remembered.
      expect(codes({ n: 'many' })).toEqual([]);
      expect(cache.costs.get(document)?.size).toBe(2);
    });

    it('prices counts, and counts a page total and pageInfo once, not per edge', () => {
      const cost = (query: string) => operationCost({ schema, document: parse(query), variables: { id: 'U2VnbWVudDox' } }, 500);
      expect(cost('{ contacts(first: 0) { totalCount } }')).toBe(1 + COUNT_COST);
      expect(cost('{ contacts(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }')).toBe(1 + COUNT_COST + 3 + 10 * 3);
      // A skipped total is not taken out of the per-edge part (directives never make edges cheaper).
      expect(cost('{ contacts(first: 10) { totalCount @skip(if: true) edges { node { id } } } }')).toBe(1 + 10 * 3);
      expect(cost('query($id: ID!) { segment(id: $id) { memberCount { value } recipientCounts { value } } }')).toBe(1 + (COUNT_COST + 1) + 3 * (COUNT_COST + 1));
      expect(cost('query($id: ID!) { segment(id: $id) { recipientCounts(channels: [EMAIL]) { value } } }')).toBe(1 + (COUNT_COST + 1));
    });
  });
});
