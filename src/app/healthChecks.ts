import type { HealthChecks } from '../server/healthRoute.js';
import type { Stores } from './openStores.js';

/** What GET /health asks of the stores: the catalog's count in one attempt (the probe has its own deadline), and a feature-store ping. */
export function healthChecks(stores: Stores): Omit<HealthChecks, 'timeoutMs'> {
  return { countItems: () => stores.catalog.count({ once: true }), pingFeatures: () => stores.features.ping() };
}
