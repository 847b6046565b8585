import { averagePrecisionAtK } from '../metrics/averagePrecisionAtK.js';
import type { Judgements } from '../metrics/judgements.js';
import { meanOf } from '../metrics/meanOf.js';
import { ndcgAtK } from '../metrics/ndcgAtK.js';
import type { Ranking } from '../metrics/ranking.js';
import { recallAtK } from '../metrics/recallAtK.js';

/** The search metrics, in the order of the report's columns. */
export const SEARCH_METRICS = ['nDCG@10', 'MAP@100', 'Recall@100'] as const;
export type SearchMetricName = (typeof SEARCH_METRICS)[number];

export interface SearchScores {
  readonly queries: number;
  readonly metrics: Readonly<Record<SearchMetricName, number | null>>;
}

/** Means over the judged queries; a query without a ranking (it failed) scores 0. */
export function scoreSearch(judgements: ReadonlyMap<string, Judgements>, rankings: ReadonlyMap<string, Ranking>): SearchScores {
  const queries = [...judgements.keys()];
  const per = (metric: (ranking: Ranking, judged: Judgements, k: number) => number | null, k: number) =>
    meanOf(queries.map((query) => metric(rankings.get(query) ?? [], judgements.get(query)!, k)));
  return {
    queries: queries.length,
    metrics: { 'nDCG@10': per(ndcgAtK, 10), 'MAP@100': per(averagePrecisionAtK, 100), 'Recall@100': per(recallAtK, 100) },
  };
}
