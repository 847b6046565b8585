import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import type { OperationsAllowlist } from '../readOperationsAllowlist.js';

/**
 * Runs only the documents of the allowlist and refuses anything else with
 * OPERATION_NOT_ALLOWED (HTTP 403), before any resolver runs. The check comes after Apollo has
 * resolved a hash-only persisted query, so a known hash and a known text both pass, and before
 * Apollo would register a new persisted query, so an unknown text is never remembered.
 */
export function operationsAllowlistPlugin(allowlist: OperationsAllowlist): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (allowlist.has(queryHash)) return;
          throw new GraphQLError('This server runs only its known operations (OPERATIONS_ALLOWLIST); this document is not one of them', {
            extensions: { code: 'OPERATION_NOT_ALLOWED', http: { status: 403 } },
          });
        },
      };
    },
  };
}
