import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import { stageTimingsOf } from '../stageTimingsOf.js';

/** The request header that asks for timings; only the value `1` turns them on. */
export const DEBUG_TIMINGS_HEADER = 'x-debug-timings';

/** What `extensions.timings` holds, all in milliseconds. */
export interface ResponseTimings {
  /** Per pipeline stage, added up over the request's pipeline calls. */
  readonly stagesMs: Readonly<Record<string, number>>;
  /** GraphQL execution (resolvers, pipeline and field rendering). */
  readonly executionMs: number;
  /** From the start of GraphQL processing (parsing, validation) to the response. */
  readonly totalMs: number;
}

/**
 * Puts per-stage durations in the response's `extensions.timings` when the request carries
 * `x-debug-timings: 1`. Off by default because timings tell an observer about the data (a
 * query that hits the cache answers faster).
 */
export function timingsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get(DEBUG_TIMINGS_HEADER) !== '1') return;
      const start = performance.now();
      let executionMs = 0;
      return {
        async executionDidStart() {
          const executionStart = performance.now();
          return {
            async executionDidEnd() {
              executionMs = performance.now() - executionStart;
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const timings: ResponseTimings = {
            stagesMs: stageTimingsOf(contextValue.stageTimings),
            executionMs,
            totalMs: performance.now() - start,
          };
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, timings };
        },
      };
    },
  };
}
