import type { RequestHandler } from 'express';
import type { Logger } from '../graphql/logger.js';

/** What GET /health asks of the backends; each that is given is checked on every call. */
export interface HealthChecks {
  /** Counts the catalog's items, one attempt: the catalog answers, and how much it holds. */
  readonly countItems?: () => Promise<number>;
  /** Resolves while the feature store (and event log) answers. */
  readonly pingFeatures?: () => Promise<void>;
  /** A backend that has not answered after this long counts as unavailable. */
  readonly timeoutMs: number;
}

type BackendState = 'ok' | 'unavailable';

/** A probe's answer, or a rejection once `ms` have passed. */
async function within<T>(ms: number, probe: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  probe.catch(() => {});
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /health for load balancers and people: every backend is asked at once, with a deadline
 * of its own (HEALTH_TIMEOUT_MS) and no retries, and the answer names each. It answers whether
 * this instance can serve:
 * - 200 `{status: "ok", itemCount, backends: {catalog: "ok", features: "ok"}}` while all answer;
 * - 200 `{status: "degraded", unavailable: ["features"], backends}` while only the feature store
 *   is down: search and similar items still work (recommendations and personalisation degrade
 *   with a warning), so a balancer should keep sending traffic; taking every replica out
 *   because a shared Redis is down would turn a degraded service into none;
 * - 503 `{status: "unavailable", unavailable: ["catalog", ...], backends}` while the catalog is
 *   down: no request can be answered, so the instance should get no traffic.
 * The cause is logged, not sent. The answer follows the backends on the next call.
 */
export function healthRoute(checks: HealthChecks, logger: Logger): RequestHandler {
  const probes: [name: string, probe: () => Promise<unknown>][] = [];
  if (checks.countItems) probes.push(['catalog', checks.countItems]);
  if (checks.pingFeatures) probes.push(['features', checks.pingFeatures]);
  return async (_req, res) => {
    const outcomes = await Promise.allSettled(probes.map(([, probe]) => within(checks.timeoutMs, probe())));
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
    if (unavailable.includes('catalog')) {
      res.status(503).json({ status: 'unavailable', unavailable, ...itemCount, backends });
      return;
    }
    if (unavailable.length > 0) {
      res.json({ status: 'degraded', unavailable, ...itemCount, backends });
      return;
    }
    res.json({ status: 'ok', ...itemCount, ...(probes.length > 0 ? { backends } : {}) });
  };
}
