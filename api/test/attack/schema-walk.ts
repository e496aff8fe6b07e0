import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { itemAt } from '../../src/lib/indexed';

/**
 * Walks the real schema to generate attacks: every text value (String and ID, at any depth in the
 * arguments) of every root field, with the other arguments filled with minimal valid values. A
 * field added to the schema is attacked without touching the tests.
 */
export type Path = Array<string | number>;

/** Where a text value sits in a root field's arguments: ['input', 'communications', 0, 'value']. */
export interface TextLeaf {
  path: Path;
  /** The scalar: String, ID, or a custom one that takes text (EmailAddress, Date…). */
  scalar: string;
}

const TEXT_SCALARS = new Set(['String', 'ID', 'EmailAddress', 'Date', 'DateTime']);
const MAX_DEPTH = 4;

function leavesOfType(type: GraphQLInputType, path: Path, depth: number, out: TextLeaf[]): void {
  const nullable: GraphQLInputType = getNullableType(type);
  if (isListType(nullable)) return leavesOfType(nullable.ofType, [...path, 0], depth, out);
  if (isScalarType(nullable)) {
    if (TEXT_SCALARS.has(nullable.name)) out.push({ path, scalar: nullable.name });
    return;
  }
  if (isInputObjectType(nullable) && depth < MAX_DEPTH) {
    for (const field of Object.values(nullable.getFields())) leavesOfType(field.type, [...path, field.name], depth + 1, out);
  }
}

export function textLeaves(field: GraphQLField<unknown, unknown>): TextLeaf[] {
  const out: TextLeaf[] = [];
  for (const arg of field.args) leavesOfType(arg.type, [arg.name], 0, out);
  return out;
}

/** Values chosen by name where a minimal value of the type would stop the operation early. */
export type Defaults = (fieldName: string, path: Path, type: GraphQLInputType) => unknown;

const SCALAR_DEFAULTS: Record<string, unknown> = { String: 'x', ID: 'eA', Int: 1, Float: 1, Boolean: false, Date: '2024-01-01', DateTime: '2024-01-01T00:00:00Z', EmailAddress: 'someone@example.com' };

/** A minimal valid value of a type: required fields only, lists empty, scalars from the defaults. */
export function minimal(type: GraphQLInputType, fieldName: string, path: Path, defaults: Defaults): unknown {
  const chosen = defaults(fieldName, path, type);
  if (chosen !== undefined && !isInputObjectType(getNullableType(type))) return chosen;
  const nullable: GraphQLInputType = getNullableType(type);
  if (isListType(nullable)) return [];
  if (isEnumType(nullable)) return itemAt(nullable.getValues(), 0).name;
  if (isScalarType(nullable)) return SCALAR_DEFAULTS[nullable.name] ?? 'x';
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(nullable.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = minimal(f.type, fieldName, [...path, f.name], defaults);
    }
    // For an input object the defaults add fields a valid one needs that the schema cannot say are required.
    return { ...value, ...(chosen as object | undefined) };
  }
  return null;
}

/** A value of `type` whose text at `rest` is `leaf`, everything else minimal. */
function build(type: GraphQLInputType, fieldName: string, at: Path, rest: Path, leaf: unknown, defaults: Defaults): unknown {
  if (rest.length === 0) return leaf;
  const nullable: GraphQLInputType = getNullableType(type);
  if (isListType(nullable)) return [build(nullable.ofType, fieldName, [...at, 0], rest.slice(1), leaf, defaults)];
  if (!isInputObjectType(nullable)) return leaf;
  const value = minimal(nullable, fieldName, at, defaults) as Record<string, unknown>;
  const key = rest[0] as string;
  const field = nullable.getFields()[key];
  if (!field) throw new Error(`${nullable.name} has no field ${key} (path ${[...at, key].join('.')})`);
  value[key] = build(field.type, fieldName, [...at, key], rest.slice(1), leaf, defaults);
  return value;
}

/** The arguments of a root field with `value` at `leaf`, the rest minimal. */
export function argumentsWith(field: GraphQLField<unknown, unknown>, leaf: Path, value: unknown, defaults: Defaults): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) if (isNonNullType(arg.type) && arg.defaultValue === undefined) args[arg.name] = minimal(arg.type, field.name, [arg.name], defaults);
  const argDef = field.args.find((a) => a.name === leaf[0])!;
  args[argDef.name] = build(argDef.type, field.name, [argDef.name], leaf.slice(1), value, defaults);
  return args;
}

/** The GraphQL type of each argument, for the operation's variable definitions. */
export function variableDefinitions(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
  const used = field.args.filter((a) => args[a.name] !== undefined);
  return used.length ? `(${used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
}

/**
 * A selection that makes the operation do its work and shows what it answered: payload errors,
 * the stored node's text fields (to compare with what was sent), a connection's count and cursors.
 */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) return '{ __typename }';
  if (!isObjectType(named)) return '';
  const fields = named.getFields();
  const parts: string[] = ['__typename'];
  if (fields.errors) parts.push('errors { code message path }');
  if (fields.edges) parts.push('edges { cursor }');
  if (fields.totalCount) parts.push('totalCount');
  for (const f of Object.values(fields)) {
    const inner = getNamedType(f.type);
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    if (depth === 0 && isObjectType(inner) && inner.getFields().id && f.name !== 'errors') parts.push(`${f.name} ${selectionOf(f.type, depth + 1)}`);
    if (depth === 1 && isScalarType(inner) && ['String', 'ID'].includes(inner.name)) parts.push(f.name);
    if (depth === 1 && isListType(getNullableType(f.type)) && isScalarType(inner) && inner.name === 'String') parts.push(f.name);
  }
  if (depth === 0 && isObjectType(named) && fields.id)
    for (const f of Object.values(fields)) if (isScalarType(getNamedType(f.type)) && getNamedType(f.type).name === 'String' && !f.args.length) parts.push(f.name);
  return `{ ${[...new Set(parts)].join(' ')} }`;
}

export function rootFields(schema: GraphQLSchema): Array<{ kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/** The operation text for a root field with the given arguments. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
  const used = field.args.filter((a) => args[a.name] !== undefined);
  const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return `${kind}${variableDefinitions(field, args)} { ${field.name}${call} ${selectionOf(field.type)} }`;
}
