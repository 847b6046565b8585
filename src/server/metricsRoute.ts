import type { RequestHandler } from 'express';
import type { Logger } from '../graphql/logger.js';
import type { GatewayMetrics } from './metricsRegistry.js';

/** GET /metrics in Prometheus's text format. */
export function metricsRoute(metrics: GatewayMetrics, logger: Logger): RequestHandler {
  return async (_req, res) => {
    try {
      const body = await metrics.registry.metrics();
      res.set('Content-Type', metrics.registry.contentType).send(body);
    } catch (error) {
      logger.error(`Collecting metrics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.status(500).send('metrics unavailable\n');
    }
  };
}
