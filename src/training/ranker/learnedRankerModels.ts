import { RANKER_FORMAT_VERSION } from '../../ranking/parseRankerModels.js';
import type { RankerModel, RankerModels, TimeWindow } from '../../ranking/rankerModel.js';
import type { RankerMetrics } from './rankerMetrics.js';
import type { RankerTrainingRun } from './trainRanker.js';

export interface LearnedModelContext {
  /** The file the run started from; its search and similar models are kept as they are. */
  readonly reference: RankerModels;
  readonly trainedAt: Date;
  readonly dataSource: string;
  readonly trainingWindow: TimeWindow;
  readonly validationWindow: TimeWindow;
}

function metricEntries(prefix: string, metrics: RankerMetrics): [string, number][] {
  const entries: [string, number][] = [
    [`${prefix}Auc`, metrics.auc],
    [`${prefix}NdcgAt10`, metrics.ndcgAt10],
  ];
  if (metrics.logLoss !== null) entries.push([`${prefix}LogLoss`, metrics.logLoss]);
  return entries;
}

/**
 * The model file after a training run: the learned recommendation model, with its
 * standardisation, provenance and validation figures, beside the reference file's search and
 * similar-items models (MovieLens ratings say nothing about queries or item pairs). Pure.
 */
export function learnedRankerModels(run: RankerTrainingRun, context: LearnedModelContext): RankerModels & { readonly description: string } {
  const stamp = context.trainedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const recommend: RankerModel = {
    version: `learned-recommend-${stamp}`,
    featureNames: run.featureNames,
    mean: run.standardisation.mean,
    std: run.standardisation.std,
    weights: run.fit.weights,
    bias: run.fit.bias,
    training: {
      trainedAt: context.trainedAt.toISOString(),
      dataSource: context.dataSource,
      trainingWindow: context.trainingWindow,
      validationWindow: context.validationWindow,
      metrics: Object.fromEntries([
        ...metricEntries('validation', run.validation.learned),
        ...metricEntries('reference', run.validation.reference),
        ...metricEntries('retrieval', run.validation.retrieval),
      ]),
      examples: {
        trainingGroups: run.counts.train.groups,
        trainingExamples: run.counts.train.examples,
        trainingPositives: run.counts.train.positives,
        validationGroups: run.counts.validation.groups,
        validationExamples: run.counts.validation.examples,
        validationPositives: run.counts.validation.positives,
      },
      optimiser: {
        method: run.options.withinGroup ? 'newton-cholesky, features centred within each user' : 'newton-cholesky, pooled',
        l2: run.options.l2,
        classWeighting: run.options.classWeighting,
        iterations: run.fit.iterations,
        gradientNorm: run.fit.gradientNorm,
        converged: run.fit.converged,
      },
    },
  };
  return {
    formatVersion: RANKER_FORMAT_VERSION,
    description: `Learned by npm run train:ranker on ${context.trainedAt.toISOString()}: recommend is logistic regression on standardised features; search and similar are kept from the reference file (${context.reference.search.version}, ${context.reference.similar.version}).`,
    search: context.reference.search,
    recommend,
    similar: context.reference.similar,
  };
}
