import type { IncomingMessage } from 'node:http';
import type { GraphQLContext } from '../graphql/context.js';
import type { Gateway } from '../pipeline/gateway.js';
import { accessOf } from './accessOf.js';

/** Builds each request's context: fresh DataLoaders (never shared between requests) and its access. */
export function createContext(gateway: Gateway, apiKeys: readonly string[]) {
  return async ({ req }: { req: IncomingMessage }): Promise<GraphQLContext> => {
    return {
      gateway,
      scope: gateway.createScope(),
      access: accessOf(req.headers, apiKeys),
      warnings: [],
      stageTimings: [],
    };
  };
}
