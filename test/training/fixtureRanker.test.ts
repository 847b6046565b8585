import { describe, expect, it } from '@jest/globals';
import os from 'node:os';
import path from 'node:path';
import { FEATURE_NAMES } from '../../src/features/featureNames.js';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import { movieLensRankerExamples } from '../../src/eval/ranker/movieLensRankerExamples.js';
import { countExamples } from '../../src/training/ranker/exampleSet.js';
import { TRAIN_RANKER_DEFAULTS, trainRanker } from '../../src/training/ranker/trainRanker.js';
import { FIXTURE_MOVIELENS, REPO_ROOT } from '../support/fixtureGateway.js';

describe('train:ranker on the MovieLens fixture', () => {
  it('builds examples from the real pipeline and learns a model that beats the hand-set weights on the later period', async () => {
    const examples = await movieLensRankerExamples({
      dataDir: FIXTURE_MOVIELENS,
      env: {
        EMBEDDING_MODEL: 'builtin',
        EMBEDDING_CACHE_DIR: path.join(os.tmpdir(), 'recsys-gateway-test-models'),
        EMBEDDING_ALLOW_DOWNLOADS: 'false',
        EMBEDDING_WORKER: 'false',
      },
    });
    const handSet = loadRankerModels(path.join(REPO_ROOT, 'models/ranker-hand-set.json')).recommend;
    const run = trainRanker(examples.train, examples.validation, handSet);
    // 99 users with a positive in the training period, 100 in the validation period; each a whole candidate pool.
    expect(countExamples(examples.train)).toEqual({ groups: 99, examples: 21814, positives: 945 });
    expect(countExamples(examples.validation)).toEqual({ groups: 100, examples: 20581, positives: 1079 });
    expect(run.fit.converged).toBe(true);
    // The replayed gateways run at their cutoff's clock, so decayed features vary (at the wall clock, years later, all were 0);
    // no fixture movie was first rated in the weeks before a cutoff, so item_freshness stays 0.
    const std = (name: string) => run.standardisation.std[FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])]!;
    expect(std('trending')).toBeCloseTo(0.2679, 3);
    expect(std('item_freshness')).toBe(0);
    // Training labels precede validation labels: the split is by time.
    expect(examples.trainingWindow.from < examples.validationWindow.from).toBe(true);
    // Same data, seeded item2vec, deterministic model: the figures are fixed.
    expect(run.validation.learned.ndcgAt10).toBeCloseTo(0.1908, 3);
    expect(run.validation.reference.ndcgAt10).toBeCloseTo(0.1866, 3);
    expect(run.validation.retrieval.ndcgAt10).toBeCloseTo(0.1497, 3);
    expect(run.validation.learned.auc).toBeCloseTo(0.7291, 3);
    expect(run.validation.reference.auc).toBeCloseTo(0.7082, 3);
    expect(run.validation.learned.ndcgAt10).toBeGreaterThan(run.validation.reference.ndcgAt10);
    expect(run.validation.learned.auc).toBeGreaterThan(run.validation.reference.auc);
    expect(run.validation.reference.ndcgAt10).toBeGreaterThan(run.validation.retrieval.ndcgAt10);
  }, 300_000);
});
