import { graphqlRequest } from '../graphqlRequest.js';

/** Mean milliseconds per request, per part of the server's work, and each part's share of the total. */
export interface StageShares {
  readonly requests: number;
  readonly meanMs: Readonly<Record<string, number>>;
  readonly share: Readonly<Record<string, number>>;
}

interface ResponseTimings {
  readonly stagesMs: Readonly<Record<string, number>>;
  readonly executionMs: number;
  readonly totalMs: number;
}

/**
 * Sends the bodies one at a time with `x-debug-timings: 1` and splits the server's own time:
 * the pipeline stages it reports, the rest of GraphQL execution (resolvers, rendering fields),
 * and what comes before execution (parsing, validation, context). One at a time, so that the
 * figures are the work's own and not time spent queueing behind other requests.
 */
export async function stageShares(url: string, bodies: readonly string[]): Promise<StageShares> {
  const sums: Record<string, number> = {};
  let total = 0;
  for (const body of bodies) {
    const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
    const { extensions } = await graphqlRequest(url, query, variables, { 'x-debug-timings': '1' });
    const timings = extensions['timings'] as ResponseTimings | undefined;
    if (!timings) throw new Error('the server sent no extensions.timings for x-debug-timings: 1');
    let inStages = 0;
    for (const [stage, ms] of Object.entries(timings.stagesMs)) {
      sums[stage] = (sums[stage] ?? 0) + ms;
      inStages += ms;
    }
    sums['graphql execution (outside stages)'] = (sums['graphql execution (outside stages)'] ?? 0) + Math.max(0, timings.executionMs - inStages);
    sums['parse, validate, context'] = (sums['parse, validate, context'] ?? 0) + Math.max(0, timings.totalMs - timings.executionMs);
    total += timings.totalMs;
  }
  const n = bodies.length;
  return {
    requests: n,
    meanMs: Object.fromEntries(Object.entries(sums).map(([part, ms]) => [part, ms / n])),
    share: Object.fromEntries(Object.entries(sums).map(([part, ms]) => [part, total === 0 ? 0 : ms / total])),
  };
}
