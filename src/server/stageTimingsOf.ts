import type { StageTimings } from '../pipeline/requests.js';

/** The stage timings of every pipeline call a request made, added up per stage. */
export function stageTimingsOf(calls: readonly StageTimings[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const timings of calls) {
    for (const [stage, ms] of Object.entries(timings)) totals[stage] = (totals[stage] ?? 0) + ms;
  }
  return totals;
}
