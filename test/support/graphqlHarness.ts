import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Access, GraphQLContext } from '../../src/graphql/context.js';
import { createApolloServer } from '../../src/server/createApolloServer.js';
import { InMemoryGateway } from './inMemoryGateway.js';
import { MOVIES, PULP_FICTION_STATS, TOY_STORY_STATS, USER_7 } from './movieCatalog.js';
import { RecordingLogger } from './recordingLogger.js';
import { testConfig } from './testConfig.js';

export interface Harness {
  readonly server: ApolloServer<GraphQLContext>;
  readonly gateway: InMemoryGateway;
  readonly logger: RecordingLogger;
  /** Runs one operation through Apollo (no HTTP) with a fresh request context. */
  run(
    query: string,
    variables?: Record<string, unknown>,
    access?: Access,
  ): Promise<FormattedExecutionResult & { extensions?: Record<string, unknown> }>;
}

/** An Apollo server over the in-memory gateway with the movie fixture, for executeOperation tests. */
export async function startHarness(options: { apiKeys?: readonly string[] } = {}): Promise<Harness> {
  const gateway = new InMemoryGateway(MOVIES, { stats: [TOY_STORY_STATS, PULP_FICTION_STATS], profiles: [USER_7] });
  const logger = new RecordingLogger();
  const server = createApolloServer({ server: testConfig(options).server, logger });
  await server.start();
  return {
    server,
    gateway,
    logger,
    async run(query, variables, access = 'open') {
      const contextValue: GraphQLContext = { gateway, scope: gateway.createScope(), access, warnings: [], stageTimings: [] };
      const response = await server.executeOperation({ query, variables: variables ?? {} }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result, got an incremental one');
      return response.body.singleResult;
    },
  };
}
