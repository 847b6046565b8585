import type { RankerTrainingRun } from './trainRanker.js';

export interface ModelRefusalOptions {
  /** Write even when the learned model validates worse than the reference. */
  readonly allowWorse: boolean;
  /** Fewer validation groups than this say too little to trust either figure. */
  readonly minValidationGroups: number;
}

/** Validation groups below which train:ranker refuses to write (unless lowered). */
export const DEFAULT_MIN_VALIDATION_GROUPS = 20;

const figure = (x: number) => x.toFixed(4);

/**
 * Why a training run must not become the served model, or null when it may: too few
 * validation groups to compare, or a learned model that validates worse than its reference on
 * NDCG@10 or AUC (the served file is reloaded at once, so a worse model would serve at once).
 * Pure.
 */
export function modelRefusal(run: RankerTrainingRun, options: ModelRefusalOptions): string | null {
  const groups = run.counts.validation.groups;
  if (groups < options.minValidationGroups) {
    return `only ${groups} validation groups (at least ${options.minValidationGroups} needed to compare models); log or wait for more, or lower --min-validation-groups`;
  }
  if (options.allowWorse) return null;
  const { learned, reference } = run.validation;
  const worse = [
    learned.ndcgAt10 < reference.ndcgAt10 ? `NDCG@10 ${figure(learned.ndcgAt10)} < reference ${figure(reference.ndcgAt10)}` : null,
    learned.auc < reference.auc ? `AUC ${figure(learned.auc)} < reference ${figure(reference.auc)}` : null,
  ].filter((part): part is string => part !== null);
  if (worse.length === 0) return null;
  return `the learned model validates worse than the reference (${worse.join(', ')}; learned NDCG@10 ${figure(learned.ndcgAt10)} AUC ${figure(learned.auc)}, reference NDCG@10 ${figure(reference.ndcgAt10)} AUC ${figure(reference.auc)}); --allow-worse writes it anyway`;
}
