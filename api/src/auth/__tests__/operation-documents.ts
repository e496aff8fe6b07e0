import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Placeholder values for scalars: well-formed, pointing at nothing in particular. */
const SCALARS: { [name: string]: unknown } = {
  ID: 'Tm9uZTox',
  String: 'matrix',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2026-01-01',
  DateTime: '2030-01-01T00:00:00Z',
  EmailAddress: 'matrix@example.com',
  FilterTree: { combinator: 'AND', rules: [] },
};

/** A value of the type, filling only what is required (optional fields and arguments are left out). */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, placeholder(f.type)]));
  }
  if (!(type.name in SCALARS)) throw new Error(`no placeholder for scalar ${type.name}`);
  return SCALARS[type.name];
}

export interface OperationDocument {
  name: string;
  kind: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
}

/** One runnable document per root field: its required arguments as variables, `__typename` selected. */
export function operationDocuments(schema: GraphQLSchema): OperationDocument[] {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root!.getFields()).map((field: GraphQLField<unknown, unknown>) => {
      const required = field.args.filter((arg) => isNonNullType(arg.type));
      const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const named = getNamedType(field.type);
      const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
      return {
        name: field.name,
        kind,
        query: `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
        variables: Object.fromEntries(required.map((arg) => [arg.name, placeholder(arg.type)])),
      };
    }),
  );
}
