import type { RequestHandler } from 'express';
import type { Logger } from '../graphql/logger.js';

/**
 * GET /health for load balancers and people: 200 `{status: "ok", itemCount}` while the catalog
 * answers, 503 when counting it fails (the gateway could not serve results either).
 */
export function healthRoute(countItems: (() => Promise<number>) | undefined, logger: Logger): RequestHandler {
  return async (_req, res) => {
    if (!countItems) {
      res.json({ status: 'ok' });
      return;
    }
    try {
      res.json({ status: 'ok', itemCount: await countItems() });
    } catch (error) {
      logger.error(`Health check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.status(503).json({ status: 'unavailable' });
    }
  };
}
