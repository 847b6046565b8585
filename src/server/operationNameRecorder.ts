import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { GraphQLContext } from '../graphql/context.js';

/** An HTTP request that Apollo has named the operation of. */
export type NamedRequest = IncomingMessage & { graphqlOperationName?: string };

/**
 * Hands the operation's name from Apollo to the request log. Apollo knows it once the document
 * is resolved (also for a hash-only persisted query, whose body names nothing); the log line is
 * written when the response ends. Apollo copies the context object per operation, so the
 * HTTP request is found through async context instead: `middleware` goes right before Apollo's.
 */
export function operationNameRecorder() {
  const current = new AsyncLocalStorage<NamedRequest>();
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
  return { middleware, plugin };
}
