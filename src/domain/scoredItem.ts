import type { Candidate } from './candidate.js';

/** One feature's value and what it added to the logit. */
export interface FeatureContribution {
  readonly name: string;
  readonly value: number;
  /** The value standardised as the model reads it: (value - mean) / std. */
  readonly standardizedValue: number;
  readonly weight: number;
  readonly contribution: number;
}

/** What re-ranking did to an item. */
export interface RerankNote {
  readonly step: string;
  readonly rankBefore: number;
  readonly rankAfter: number;
  readonly detail: string;
}

/** A candidate with its ranker score and the reasons for it. */
export interface ScoredCandidate extends Candidate {
  /** Probability of engagement from the ranker, 0..1. */
  readonly score: number;
  readonly logit: number;
  /** The model's intercept: logit = bias + sum of contributions. */
  readonly bias: number;
  readonly contributions: readonly FeatureContribution[];
  readonly modelVersion: string;
}

/** A candidate in its final place, after re-ranking. */
export interface RankedItem extends ScoredCandidate {
  /** The score that ordered the final list (MMR-adjusted when diversity is on). */
  readonly finalScore: number;
  readonly rerank: readonly RerankNote[];
  /** Placed by a pin rule: its place is the rule's, not the ranker's. */
  readonly pinned?: true;
}
