import type { RequestHandler } from 'express';
import type { Logger } from '../graphql/logger.js';

/** What GET /health asks of the backends; each that is given is checked on every call. */
export interface HealthChecks {
  /** Counts the catalog's items: the catalog answers, and how much it holds. */
  readonly countItems?: () => Promise<number>;
  /** Resolves while the feature store (and event log) answers. */
  readonly pingFeatures?: () => Promise<void>;
}

type BackendState = 'ok' | 'unavailable';

/**
 * GET /health for load balancers and people: every backend is asked at once, and the answer
 * names each. 200 `{status: "ok", itemCount, backends: {catalog: "ok", features: "ok"}}` while
 * all answer; 503 `{status: "unavailable", unavailable: [...], backends}` while any does not
 * (the cause logged, not sent), so that a balancer can stop sending traffic and a person sees
 * which one to look at. It is 200 again as soon as the backend is back.
 */
export function healthRoute(checks: HealthChecks, logger: Logger): RequestHandler {
  const probes: [name: string, probe: () => Promise<unknown>][] = [];
  if (checks.countItems) probes.push(['catalog', checks.countItems]);
  if (checks.pingFeatures) probes.push(['features', checks.pingFeatures]);
  return async (_req, res) => {
    const outcomes = await Promise.allSettled(probes.map(([, probe]) => probe()));
    const backends: Record<string, BackendState> = {};
    const unavailable: string[] = [];
    outcomes.forEach((outcome, i) => {
      const name = probes[i]![0];
      backends[name] = outcome.status === 'fulfilled' ? 'ok' : 'unavailable';
      if (outcome.status === 'rejected') {
        unavailable.push(name);
        const error = outcome.reason as unknown;
        const cause = error instanceof Error && error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
        logger.error(`Health check failed: ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}`);
      }
    });
    const itemCount = probes[0]?.[0] === 'catalog' && outcomes[0]!.status === 'fulfilled' ? { itemCount: outcomes[0]!.value as number } : {};
    if (unavailable.length > 0) {
      res.status(503).json({ status: 'unavailable', unavailable, ...itemCount, backends });
      return;
    }
    res.json({ status: 'ok', ...itemCount, ...(probes.length > 0 ? { backends } : {}) });
  };
}
