import { averagePrecisionAtK } from '../metrics/averagePrecisionAtK.js';
import { catalogCoverage } from '../metrics/catalogCoverage.js';
import { intraListDiversity } from '../metrics/intraListDiversity.js';
import type { Judgements } from '../metrics/judgements.js';
import { meanOf } from '../metrics/meanOf.js';
import { ndcgAtK } from '../metrics/ndcgAtK.js';
import { topIds, type Ranking } from '../metrics/ranking.js';
import { recallAtK } from '../metrics/recallAtK.js';
import { reciprocalRankAtK } from '../metrics/reciprocalRankAtK.js';

/** The recommendation metrics, in the order of the report's columns. */
export const RECS_METRICS = ['Recall@10', 'Recall@20', 'NDCG@10', 'MRR@10', 'MAP@10', 'Coverage@10', 'ILD@10'] as const;
export type RecsMetricName = (typeof RECS_METRICS)[number];

export interface RecsScores {
  /** Users scored: every test user with a positive, whether or not they got a list. */
  readonly users: number;
  /** Users who got no list (an error, or nothing to recommend); they score 0. */
  readonly emptyLists: number;
  readonly metrics: Readonly<Record<RecsMetricName, number | null>>;
}

export interface RecsScoringInput {
  /** The relevant test items of each user to score. */
  readonly judgements: ReadonlyMap<string, Judgements>;
  readonly rankings: ReadonlyMap<string, Ranking>;
  readonly catalogIds: ReadonlySet<string>;
  readonly genresOf: (id: string) => readonly string[] | undefined;
}

/**
 * Scores one recommender over the test users: accuracy metrics per user then averaged, and
 * coverage and diversity over the first ten items each user would see.
 */
export function scoreRecommendations(input: RecsScoringInput): RecsScores {
  const users = [...input.judgements.keys()];
  const rankingOf = (user: string): Ranking => input.rankings.get(user) ?? [];
  const per = (metric: (ranking: Ranking, judgements: Judgements, k: number) => number | null, k: number) =>
    meanOf(users.map((user) => metric(rankingOf(user), input.judgements.get(user)!, k)));
  const shown = users.map((user) => topIds(rankingOf(user), 10));
  return {
    users: users.length,
    emptyLists: users.filter((user) => rankingOf(user).length === 0).length,
    metrics: {
      'Recall@10': per(recallAtK, 10),
      'Recall@20': per(recallAtK, 20),
      'NDCG@10': per(ndcgAtK, 10),
      'MRR@10': per(reciprocalRankAtK, 10),
      'MAP@10': per(averagePrecisionAtK, 10),
      'Coverage@10': catalogCoverage(shown, input.catalogIds),
      'ILD@10': meanOf(shown.map((ids) => intraListDiversity(ids, input.genresOf))),
    },
  };
}
