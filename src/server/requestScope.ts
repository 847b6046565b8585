import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { GraphQLContext } from '../graphql/context.js';
import type { Logger } from '../graphql/logger.js';

/** An HTTP request as the request log sees it: pino-http's child logger, and the operation Apollo named. */
export type ScopedRequest = IncomingMessage & { log?: PinoLogger; graphqlOperationName?: string };

/**
 * The HTTP request a piece of GraphQL work belongs to, found through async context (Apollo
 * copies the context object per operation, so it cannot carry it). `middleware` goes right
 * before Apollo's. With it, the request log names the operation as Apollo resolved it (also
 * for a hash-only persisted query, whose body names nothing), and `logger` writes the errors
 * Apollo reports through the request's own child logger, so they carry its request id.
 */
export function requestScope(root: PinoLogger) {
  const current = new AsyncLocalStorage<ScopedRequest>();
  const middleware: RequestHandler = (req, _res, next) => current.run(req, next);
  const plugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const req = current.getStore();
          if (req && operationName) req.graphqlOperationName = operationName;
        },
      };
    },
  };
  const now = () => current.getStore()?.log ?? root;
  const logger: Logger = {
    debug: (message: unknown) => now().debug(String(message)),
    info: (message: unknown) => now().info(String(message)),
    warn: (message: unknown) => now().warn(String(message)),
    error: (message: unknown) => now().error(String(message)),
  };
  return { middleware, plugin, logger };
}
