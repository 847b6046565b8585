import { binaryJudgements } from '../../eval/metrics/judgements.js';
import { meanOf } from '../../eval/metrics/meanOf.js';
import { ndcgAtK } from '../../eval/metrics/ndcgAtK.js';
import { rankingFromScores } from '../../eval/metrics/ranking.js';
import type { ExampleSet } from './exampleSet.js';

/** How well one scorer separates and orders the examples of a set. */
export interface RankerMetrics {
  /** Area under the ROC curve over every example (ties count half). */
  readonly auc: number;
  /** Mean log loss of the scores read as probabilities; null for a scorer that is not one (retrieval order). */
  readonly logLoss: number | null;
  /** NDCG@10 per group over the group's candidates, averaged over groups with a positive. */
  readonly ndcgAt10: number;
}

/** A score per row, higher is better; `probability` says whether it is one. */
export interface RowScorer {
  readonly score: (row: Float64Array) => number;
  readonly probability: boolean;
}

/** Mann–Whitney AUC: the chance that a random positive outscores a random negative. */
export function areaUnderRoc(scores: readonly number[], labels: ArrayLike<number>): number {
  const order = scores.map((score, i) => ({ score, label: labels[i]! })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && order[end]!.score === order[start]!.score) end += 1;
    // Tied scores share the mean of their 1-based ranks.
    const meanRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      if (order[i]!.label) {
        positives += 1;
        rankSum += meanRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('areaUnderRoc needs both positives and negatives');
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function logLoss(probabilities: readonly number[], labels: ArrayLike<number>): number {
  const eps = 1e-15;
  let sum = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(1 - eps, Math.max(eps, p));
    sum -= labels[i] ? Math.log(q) : Math.log(1 - q);
  });
  return sum / probabilities.length;
}

/** AUC, log loss and NDCG@10 of one scorer on a set. Pure. */
export function rankerMetrics(set: ExampleSet, scorer: RowScorer): RankerMetrics {
  const scores: number[] = [];
  const labels: number[] = [];
  const ndcgs: (number | null)[] = [];
  for (const group of set.groups) {
    const scored = group.rows.map((row, i) => ({ id: group.itemIds[i]!, score: scorer.score(row), label: group.labels[i]! }));
    for (const entry of scored) {
      scores.push(entry.score);
      labels.push(entry.label);
    }
    const positives = scored.filter((entry) => entry.label === 1).map((entry) => entry.id);
    const sorted = [...scored].sort((a, b) => b.score - a.score);
    // Ties are scored as the expected value over their orders, so a flat scorer gains nothing from input order.
    ndcgs.push(ndcgAtK(rankingFromScores(sorted), binaryJudgements(positives), 10));
  }
  return {
    auc: areaUnderRoc(scores, labels),
    logLoss: scorer.probability ? logLoss(scores, labels) : null,
    ndcgAt10: meanOf(ndcgs) ?? 0,
  };
}
