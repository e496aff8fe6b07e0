import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './request/guards';
import { resolvers } from './resolvers';

let built: GraphQLSchema | null = null;

/** The executable schema, built once per process from the resolver classes. */
export async function getSchema(): Promise<GraphQLSchema> {
  built ??= await buildSchema({ resolvers, validate: false, authChecker, authMode: 'error' });
  return built;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printSortedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
