import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.STRING:
    case Kind.ENUM:
    case Kind.BOOLEAN:
      return node.value;
    default:
      return undefined;
  }
}

/**
 * A filter tree as JSON, exactly a FilterGroupInput. An output type would make clients write
 * fragments as deep as the tree; this way a client loads, edits and saves it back unchanged.
 */
export const FilterTreeScalar = new GraphQLScalarType({
  name: 'FilterTree',
  description: 'A filter tree: JSON exactly in the shape of FilterGroupInput (dates as YYYY-MM-DD).',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || !Array.isArray((value as { rules?: unknown }).rules)) {
      throw new TypeError('A FilterTree is an object with "combinator" and a "rules" list.');
    }
    return value;
  },
  parseLiteral: (node) => literal(node),
});
