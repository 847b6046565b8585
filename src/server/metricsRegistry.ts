import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from a cached lookup (1 ms) to a cold full pipeline (5 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The gateway's Prometheus metrics, in a registry of their own. */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** GraphQL requests by operation (the root field, such as `search`). */
  readonly requests: Counter<'operation'>;
  readonly requestDuration: Histogram<'operation'>;
  /** Time per pipeline stage (embedding, retrieval, features, scoring, reranking) and GraphQL execution. */
  readonly stageDuration: Histogram<'operation' | 'stage'>;
  /** Errors sent to callers, by their `extensions.code`. */
  readonly errors: Counter<'operation' | 'code'>;
}

export interface MetricsRegistryOptions {
  /** Also export the process's own metrics (CPU, memory, event-loop lag, GC); on by default. */
  readonly processMetrics?: boolean;
}

/**
 * One registry per server rather than prom-client's global one, so that two servers in one
 * process (tests, the bench) never count into each other or clash on metric names.
 */
export function createMetricsRegistry(options: MetricsRegistryOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'gateway_graphql_requests_total',
      help: 'GraphQL requests answered, by operation (root field).',
      labelNames: ['operation'],
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'gateway_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    stageDuration: new Histogram({
      name: 'gateway_stage_duration_seconds',
      help: 'Time spent in each pipeline stage per pipeline call, and in GraphQL execution per request.',
      labelNames: ['operation', 'stage'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'gateway_graphql_errors_total',
      help: 'Errors sent to callers, by operation and extensions.code.',
      labelNames: ['operation', 'code'],
      registers: [registry],
    }),
  };
}
