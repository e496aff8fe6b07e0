import { getNamedType, getNullableType, isAbstractType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { minimal, rootFields, variableDefinitions, type Defaults } from '../../../test/attack/schema-walk';

/** Placeholder scalars: well-formed, pointing at nothing in particular (a global id of no type). */
const SCALARS: Record<string, unknown> = {
  ID: 'Tm9uZTox',
  String: 'matrix',
  DateTime: '2030-01-01T00:00:00Z',
  EmailAddress: 'matrix@example.com',
  FilterTree: { combinator: 'AND', rules: [] },
};

const placeholders: Defaults = (_field, _path, type) => {
  const nullable = getNullableType(type);
  return isScalarType(nullable) ? SCALARS[nullable.name] : undefined;
};

export interface OperationDocument {
  name: string;
  kind: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One runnable document per root field (walked from the schema like the attack tests): required
 * arguments minimal, `__typename` selected, so an answer or a refusal is about the operation
 * itself, never about a nested field.
 */
export function operationDocuments(schema: GraphQLSchema): OperationDocument[] {
  return rootFields(schema).map(({ kind, field }) => {
    const variables = Object.fromEntries(
      field.args.filter((arg) => arg.defaultValue === undefined && getNullableType(arg.type) !== arg.type).map((arg) => [arg.name, minimal(arg.type, field.name, [arg.name], placeholders)]),
    );
    const used = Object.keys(variables);
    const call = used.length ? `(${used.map((name) => `${name}: $${name}`).join(', ')})` : '';
    const named = getNamedType(field.type);
    const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
    return { name: field.name, kind, query: `${kind}${variableDefinitions(field, variables)} { ${field.name}${call}${selection} }`, variables };
  });
}
