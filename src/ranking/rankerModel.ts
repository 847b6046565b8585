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
}

/**
 * One model per surface: search ranks by query relevance, recommendations by taste and
 * popularity, similar items by closeness to the one item.
 */
export interface RankerModels {
  readonly search: RankerModel;
  readonly recommend: RankerModel;
  readonly similar: RankerModel;
}
