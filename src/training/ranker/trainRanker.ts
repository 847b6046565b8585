import type { RankerModel } from '../../ranking/rankerModel.js';
import { sigmoid } from '../../ranking/scoreCandidate.js';
import { countExamples, type ExampleCounts, type ExampleSet } from './exampleSet.js';
import { fitLogisticRegression, LOGISTIC_FIT_DEFAULTS, type LogisticFit, type LogisticFitOptions } from './fitLogisticRegression.js';
import { rankerMetrics, type RankerMetrics, type RowScorer } from './rankerMetrics.js';
import { fitStandardisation, standardise, type Standardisation } from './standardisation.js';

export type ClassWeighting = 'balanced' | 'none';

export interface TrainRankerOptions extends LogisticFitOptions {
  /**
   * `balanced`: each class carries half the total weight, so that the few positives are not
   * drowned by the many negatives; `none`: every example counts once (calibrated probabilities).
   */
  readonly classWeighting: ClassWeighting;
  /**
   * Fit on features centred within each group (each request's candidates), as a conditional
   * logit does: what is the same for every candidate of a request (how active the user is,
   * how full their profile) cannot change the order a ranker serves, yet a pooled fit spends
   * its weights on it. The weights are then stated on the pooled standardisation, so the model
   * scores raw features exactly as before and orders each request as the centred fit does.
   */
  readonly withinGroup: boolean;
}

export const TRAIN_RANKER_DEFAULTS: TrainRankerOptions = {
  ...LOGISTIC_FIT_DEFAULTS,
  l2: 1e-4,
  classWeighting: 'balanced',
  withinGroup: true,
};

/** The fitted weights, before they become a versioned model file. */
export interface RankerTrainingRun {
  readonly featureNames: readonly string[];
  readonly standardisation: Standardisation;
  readonly fit: LogisticFit;
  readonly options: TrainRankerOptions;
  readonly counts: { readonly train: ExampleCounts; readonly validation: ExampleCounts };
  /** Validation figures of the learned model, the reference model and the retrieval order. */
  readonly validation: { readonly learned: RankerMetrics; readonly reference: RankerMetrics; readonly retrieval: RankerMetrics };
}

/** Scores a raw row as the serving path does (scoreCandidate): standardise, weigh, sigmoid. */
export function modelScorer(model: Pick<RankerModel, 'mean' | 'std' | 'weights' | 'bias'>): RowScorer {
  return {
    probability: true,
    score: (row) => {
      let logit = model.bias;
      for (let j = 0; j < row.length; j++) {
        const std = model.std[j]!;
        if (std > 0) logit += model.weights[j]! * ((row[j]! - model.mean[j]!) / std);
      }
      return sigmoid(logit);
    },
  };
}

function sampleWeights(set: ExampleSet, options: TrainRankerOptions): Float64Array {
  const { examples, positives } = countExamples(set);
  const negatives = examples - positives;
  if (positives === 0 || negatives === 0) throw new Error(`training needs positives and negatives; got ${positives} positives of ${examples} examples`);
  const weight = options.classWeighting === 'balanced' ? [examples / (2 * negatives), examples / (2 * positives)] : [1, 1];
  return Float64Array.from(set.groups.flatMap((group) => [...group.labels].map((label) => weight[label]!)));
}

/** The set with every feature minus its mean over the row's group. */
function centreWithinGroups(set: ExampleSet): ExampleSet {
  return {
    featureNames: set.featureNames,
    groups: set.groups.map((group) => {
      const mean = new Float64Array(set.featureNames.length);
      for (const row of group.rows) row.forEach((x, j) => (mean[j]! += x / group.rows.length));
      return { ...group, rows: group.rows.map((row) => row.map((x, j) => x - mean[j]!)) };
    }),
  };
}

/**
 * Fits the logistic-regression ranker on the training set and scores it on the validation set
 * beside a reference model (the hand-set weights) and the retrieval order (the fused RRF
 * score, the feature named `rrf`). Generic over the feature names. Pure.
 */
export function trainRanker(
  train: ExampleSet,
  validation: ExampleSet,
  reference: RankerModel,
  options: TrainRankerOptions = TRAIN_RANKER_DEFAULTS,
): RankerTrainingRun {
  const names = train.featureNames;
  for (const [label, other] of [
    ['validation', validation.featureNames],
    ['reference model', reference.featureNames],
  ] as const) {
    if (other.join(',') !== names.join(',')) throw new Error(`${label} features [${other.join(', ')}] differ from the training features [${names.join(', ')}]`);
  }
  const rrf = names.indexOf('rrf');
  if (rrf < 0) throw new Error('the features have no `rrf`, so the retrieval order cannot be scored');
  const standardisation = fitStandardisation(train);
  const fitted = options.withinGroup ? centreWithinGroups(train) : train;
  const fitScale = options.withinGroup ? fitStandardisation(fitted) : standardisation;
  const rows = fitted.groups.flatMap((group) => group.rows.map((row) => standardise(row, fitScale)));
  const labels = Uint8Array.from(train.groups.flatMap((group) => [...group.labels]));
  const raw = fitLogisticRegression(rows, labels, sampleWeights(train, options), options);
  // Per raw unit a weight is w / (its fitting std); restated on the pooled std it scores the same.
  const fit = {
    ...raw,
    weights: raw.weights.map((w, j) => (fitScale.std[j]! > 0 ? (w / fitScale.std[j]!) * standardisation.std[j]! : 0)),
  };
  const learned = { ...standardisation, weights: fit.weights, bias: fit.bias };
  return {
    featureNames: [...names],
    standardisation,
    fit,
    options,
    counts: { train: countExamples(train), validation: countExamples(validation) },
    validation: {
      learned: rankerMetrics(validation, modelScorer(learned)),
      reference: rankerMetrics(validation, modelScorer(reference)),
      retrieval: rankerMetrics(validation, { probability: false, score: (row) => row[rrf]! }),
    },
  };
}
