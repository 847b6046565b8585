import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import type { GatewayMetrics } from '../metricsRegistry.js';
import { operationLabel } from '../operationLabel.js';

/**
 * Counts every GraphQL request and its errors and observes its latency and the time of each
 * pipeline stage, into the given registry's metrics (served on GET /metrics).
 */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const start = performance.now();
      let operation = 'unknown';
      return {
        async didResolveOperation(requestContext) {
          operation = operationLabel(requestContext.operation);
        },
        async executionDidStart() {
          const executionStart = performance.now();
          return {
            async executionDidEnd() {
              metrics.stageDuration.observe({ operation, stage: 'graphql_execution' }, (performance.now() - executionStart) / 1000);
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          metrics.requests.inc({ operation });
          metrics.requestDuration.observe({ operation }, (performance.now() - start) / 1000);
          for (const timings of contextValue?.stageTimings ?? []) {
            for (const [stage, ms] of Object.entries(timings)) metrics.stageDuration.observe({ operation, stage }, ms / 1000);
          }
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.['code'];
            metrics.errors.inc({ operation, code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
        },
      };
    },
  };
}
