import type { RankerMetrics } from './rankerMetrics.js';
import type { RankerTrainingRun } from './trainRanker.js';

function cell(value: number | null): string {
  return value === null ? '–' : value.toFixed(4);
}

function row(name: string, metrics: RankerMetrics): string {
  return `| ${name} | ${cell(metrics.auc)} | ${cell(metrics.logLoss)} | ${cell(metrics.ndcgAt10)} |`;
}

/** The validation figures as a Markdown table, and how the optimiser ended. */
export function trainingTable(run: RankerTrainingRun, referenceVersion: string): string {
  const { fit, counts } = run;
  return [
    `training: ${counts.train.examples} examples (${counts.train.positives} positive) in ${counts.train.groups} groups; ` +
      `validation: ${counts.validation.examples} (${counts.validation.positives} positive) in ${counts.validation.groups} groups`,
    `Newton/Cholesky (${run.options.withinGroup ? 'features centred within each group' : 'pooled'}), L2 ${run.options.l2}, class weighting ${run.options.classWeighting}: ` +
      `${fit.converged ? 'converged' : 'DID NOT CONVERGE'} after ${fit.iterations} iterations, gradient max-norm ${fit.gradientNorm.toExponential(2)} (tolerance ${run.options.tolerance})`,
    '',
    '| validation | AUC | log loss | NDCG@10 |',
    '|---|---|---|---|',
    row('learned', run.validation.learned),
    row(`reference (${referenceVersion})`, run.validation.reference),
    row('retrieval order (RRF)', run.validation.retrieval),
    '',
    '| feature | mean | std | weight |',
    '|---|---|---|---|',
    ...run.featureNames.map((name, j) => `| ${name} | ${run.standardisation.mean[j]!.toFixed(4)} | ${run.standardisation.std[j]!.toFixed(4)} | ${fit.weights[j]!.toFixed(4)} |`),
    `| (bias) | | | ${fit.bias.toFixed(4)} |`,
  ].join('\n');
}
