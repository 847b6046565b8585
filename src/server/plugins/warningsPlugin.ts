import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';

/**
 * Sends the degradations collected while answering (a skipped pipeline stage) in the response's
 * `extensions.warnings`: the answer still comes, and the caller learns it is a lesser one.
 */
export function warningsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.warnings.length === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, warnings: [...contextValue.warnings] };
        },
      };
    },
  };
}
