import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';

/**
 * Refuses a mutation whose request lacks a valid API key, before any resolver runs, so no part
 * of a multi-field mutation happens. Queries stay open. The HTTP status (401 or 403) goes with
 * the GraphQL code so that proxies and clients see it without reading the body.
 */
export function apiKeyPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          if (contextValue.access === 'missing') {
            throw new GraphQLError('Mutations need an API key: send it in the `x-api-key` header or as `authorization: Bearer <key>`', {
              extensions: {
                code: 'UNAUTHENTICATED',
                http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
              },
            });
          }
          if (contextValue.access === 'wrong') {
            throw new GraphQLError('The API key is not valid for mutations', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
