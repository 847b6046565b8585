import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MIN_VALIDATION_GROUPS, modelRefusal } from '../../src/training/ranker/modelRefusal.js';
import type { RankerTrainingRun } from '../../src/training/ranker/trainRanker.js';

/** A run with only what the decision reads: validation groups and the two models' figures (the review's case: 8 groups). */
function run(groups: number, learned: { auc: number; ndcgAt10: number }, reference: { auc: number; ndcgAt10: number }): RankerTrainingRun {
  const metrics = (m: { auc: number; ndcgAt10: number }) => ({ ...m, logLoss: null });
  return {
    counts: { train: { groups: 40, examples: 400, positives: 40 }, validation: { groups, examples: groups * 10, positives: groups } },
    validation: { learned: metrics(learned), reference: metrics(reference), retrieval: metrics({ auc: 0.5, ndcgAt10: 0.1 }) },
  } as unknown as RankerTrainingRun;
}

const strict = { allowWorse: false, minValidationGroups: DEFAULT_MIN_VALIDATION_GROUPS };
const better = { auc: 0.7, ndcgAt10: 0.2 };
const reference = { auc: 0.65, ndcgAt10: 0.18 };

describe('modelRefusal: train:ranker writes no model worse than its reference, nor one validated on too little', () => {
  it('writes a model at least as good on NDCG@10 and AUC, with enough validation groups', () => {
    expect(modelRefusal(run(20, better, reference), strict)).toBeNull();
    expect(modelRefusal(run(20, reference, reference), strict)).toBeNull();
  });

  it('refuses the review run (AUC 0.6076 / NDCG@10 0.5924 against 0.6580 / 0.7187) with both figures', () => {
    const worse = run(30, { auc: 0.6076, ndcgAt10: 0.5924 }, { auc: 0.658, ndcgAt10: 0.7187 });
    expect(modelRefusal(worse, strict)).toBe(
      'the learned model validates worse than the reference (NDCG@10 0.5924 < reference 0.7187, AUC 0.6076 < reference 0.6580; ' +
        'learned NDCG@10 0.5924 AUC 0.6076, reference NDCG@10 0.7187 AUC 0.6580); --allow-worse writes it anyway',
    );
    expect(modelRefusal(worse, { ...strict, allowWorse: true })).toBeNull();
  });

  it('refuses a model worse on NDCG@10 alone, though its AUC is better', () => {
    expect(modelRefusal(run(30, { auc: 0.8, ndcgAt10: 0.1 }, reference), strict)).toContain('(NDCG@10 0.1000 < reference 0.1800;');
  });

  it('refuses fewer validation groups than the minimum, even with --allow-worse; --min-validation-groups lowers it', () => {
    const few = run(8, better, reference);
    expect(modelRefusal(few, { ...strict, allowWorse: true })).toBe(
      'only 8 validation groups (at least 20 needed to compare models); log or wait for more, or lower --min-validation-groups',
    );
    expect(modelRefusal(few, { allowWorse: false, minValidationGroups: 8 })).toBeNull();
  });
});
