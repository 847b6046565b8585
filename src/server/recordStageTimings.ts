import type { Gateway } from '../pipeline/gateway.js';
import type { StageTimings } from '../pipeline/requests.js';

/**
 * The gateway as one request sees it: every ranked page it returns leaves its stage timings
 * in `sink`, for the timings and metrics plugins. Resolvers stay unaware of timing, and the
 * sink is per request, so concurrent requests never mix their figures.
 */
export function recordStageTimings(gateway: Gateway, sink: StageTimings[]): Gateway {
  return {
    createScope: () => gateway.createScope(),
    search: async (request, scope) => keep(await gateway.search(request, scope), sink),
    recommend: async (request, scope) => keep(await gateway.recommend(request, scope), sink),
    similar: async (request, scope) => keep(await gateway.similar(request, scope), sink),
    upsertItems: (items) => gateway.upsertItems(items),
    deleteItems: (ids) => gateway.deleteItems(ids),
    recordEvents: (events) => gateway.recordEvents(events),
  };
}

function keep<T extends { readonly timings: StageTimings }>(page: T, sink: StageTimings[]): T {
  sink.push(page.timings);
  return page;
}
