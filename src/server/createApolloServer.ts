import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { ServerConfig } from '../config/config.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/createFormatError.js';
import { knownOperationTypesRule } from '../graphql/knownOperationTypesRule.js';
import { operationCostRule } from '../graphql/operationCostRule.js';
import { pageSizeRule } from '../graphql/pageSizeRule.js';
import type { Logger } from '../graphql/logger.js';
import { resolvers } from '../graphql/resolvers/resolvers.js';
import { loadTypeDefs } from '../graphql/typeDefs.js';
import { ARMOR_LIMITS, armorProtection } from './armorProtection.js';
import { apiKeyPlugin } from './plugins/apiKeyPlugin.js';
import { warningsPlugin } from './plugins/warningsPlugin.js';

export interface ApolloServerOptions {
  readonly server: ServerConfig;
  readonly logger: Logger;
  /** Extra plugins, such as the HTTP server's drain plugin. */
  readonly plugins?: readonly ApolloServerPlugin<GraphQLContext>[];
}

/**
 * The GraphQL server without HTTP: schema, resolvers, error policy, limits and plugins. Tests
 * run operations on it with `executeOperation`; createServer puts it behind HTTP.
 */
export function createApolloServer(options: ApolloServerOptions): ApolloServer<GraphQLContext> {
  const { server, logger } = options;
  const armor = armorProtection({ introspection: server.introspection });
  return new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    logger,
    // Set from the configuration so that Apollo never reads NODE_ENV itself.
    nodeEnv: server.production ? 'production' : 'development',
    introspection: server.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    formatError: createFormatError(logger),
    // Ours first, so that a precise error precedes armor's generic ones for the same cause.
    validationRules: [knownOperationTypesRule, pageSizeRule, operationCostRule(ARMOR_LIMITS.maxCost), ...armor.validationRules],
    parseOptions: { maxTokens: ARMOR_LIMITS.maxTokens },
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<GraphQLContext>[]),
      apiKeyPlugin(),
      warningsPlugin(),
      server.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      ...(options.plugins ?? []),
    ],
  });
}
