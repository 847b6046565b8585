import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ServerConfig } from '../config/config.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/createFormatError.js';
import { knownOperationTypesRule } from '../graphql/knownOperationTypesRule.js';
import { operationCostRule } from '../graphql/operationCostRule.js';
import { pageSizeRule } from '../graphql/pageSizeRule.js';
import type { Logger } from '../graphql/logger.js';
import { resolvers } from '../graphql/resolvers/resolvers.js';
import { loadTypeDefs } from '../graphql/typeDefs.js';
import { allowlistQueryCache } from './allowlistQueryCache.js';
import { ARMOR_LIMITS, armorProtection } from './armorProtection.js';
import { readExampleOperations } from './playground/exampleOperations.js';
import { playgroundPlugin } from './playground/playgroundPlugin.js';
import { apiKeyPlugin } from './plugins/apiKeyPlugin.js';
import { operationsAllowlistPlugin } from './plugins/operationsAllowlistPlugin.js';
import { readOperationsAllowlist } from './readOperationsAllowlist.js';
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
  const allowlist = server.operationsAllowlist === null ? null : readOperationsAllowlist(server.operationsAllowlist);
  return new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    logger,
    // Set from the configuration so that Apollo never reads NODE_ENV itself.
    nodeEnv: server.production ? 'production' : 'development',
    introspection: server.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries: Apollo's in-memory cache, or, on a locked server, the allowlist.
    persistedQueries: allowlist ? { cache: allowlistQueryCache(allowlist) } : {},
    formatError: createFormatError(logger),
    // Ours first, so that a precise error precedes armor's generic ones for the same cause.
    validationRules: [knownOperationTypesRule, pageSizeRule, operationCostRule(ARMOR_LIMITS.maxCost), ...armor.validationRules],
    parseOptions: { maxTokens: ARMOR_LIMITS.maxTokens },
    plugins: [
      // First, so that an unknown document is refused as such, whatever else is wrong with it.
      ...(allowlist ? [operationsAllowlistPlugin(allowlist)] : []),
      ...(armor.plugins as ApolloServerPlugin<GraphQLContext>[]),
      apiKeyPlugin(),
      warningsPlugin(),
      // Apollo's default landing pages load from a CDN; ours is served from node_modules, or none.
      server.playground ? playgroundPlugin(readExampleOperations()) : ApolloServerPluginLandingPageDisabled(),
      ...(options.plugins ?? []),
    ],
  });
}
