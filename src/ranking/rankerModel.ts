/**
 * A logistic-regression ranker as a value: features are standardised with `mean`/`std`,
 * then p = sigmoid(bias + Σ weight·z). Hand-set or learned, both have this shape.
 */
export interface RankerModel {
  readonly version: string;
  readonly featureNames: readonly string[];
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** How a learned model was trained and how it scored; null for hand-set weights. */
  readonly training: RankerTraining | null;
}

/** A learned model's provenance and validation figures, as train:ranker wrote them. */
export interface RankerTraining {
  /** ISO time of the training run. */
  readonly trainedAt: string;
  /** Where the examples came from, in words (data set, recipe). */
  readonly dataSource: string;
  /** ISO times of the first and last label events of the training examples. */
  readonly trainingWindow: TimeWindow;
  readonly validationWindow: TimeWindow;
  /** Validation figures by name (auc, logLoss, ndcgAt10 and the same for the baselines). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Examples (candidates) and positives in the training and validation sets. */
  readonly examples: Readonly<Record<string, number>>;
  readonly optimiser: {
    readonly method: string;
    readonly l2: number;
    readonly classWeighting: string;
    readonly iterations: number;
    readonly gradientNorm: number;
    readonly converged: boolean;
  };
}

export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * One model per surface: search ranks by query relevance, recommendations by taste and
 * popularity, similar items by closeness to the one item.
 */
export interface RankerModels {
  /** The model file's format (see parseRankerModels). */
  readonly formatVersion: number;
  readonly search: RankerModel;
  readonly recommend: RankerModel;
  readonly similar: RankerModel;
}
