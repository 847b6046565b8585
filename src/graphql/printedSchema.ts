import { buildSchema, printSchema, type GraphQLSchema } from 'graphql';
import { loadTypeDefs } from './typeDefs.js';

/** The API's schema built from schema/*.graphql (the same SDL the server serves). */
export function currentSchema(): GraphQLSchema {
  return buildSchema(loadTypeDefs());
}

/** The schema as one canonical SDL document (graphql-js's printer): what clients and the published copy see. */
export function printedSchema(schema: GraphQLSchema = currentSchema()): string {
  return `${printSchema(schema)}\n`;
}
