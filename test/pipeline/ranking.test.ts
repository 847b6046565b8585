import { describe, expect, it } from '@jest/globals';
import { computeFeatures } from '../../src/features/computeFeatures.js';
import { FEATURE_NAMES, type FeatureVector } from '../../src/features/featureNames.js';
import { decayWeight, HALF_LIVES } from '../../src/features/forwardDecay.js';
import { profileVector } from '../../src/features/profileVector.js';
import { readFileSync } from 'node:fs';
import { parseRankerModels } from '../../src/ranking/parseRankerModels.js';
import { rankCandidates } from '../../src/ranking/rankCandidates.js';
import { scoreCandidate, sigmoid } from '../../src/ranking/scoreCandidate.js';
import type { RankerModel } from '../../src/ranking/rankerModel.js';
import type { UserProfile } from '../../src/ports/featureStore.js';

const NOW = Date.UTC(2026, 0, 1);
const NO_COUNTS = { view: 0, click: 0, add_to_cart: 0, purchase: 0, rating: 0, impression: 0 };
const EMPTY_STATS = { itemId: 'j', counts: NO_COUNTS, decayedCounts: NO_COUNTS, ratingSum: 0, ratingCount: 0, positiveUsers: 0, lastEventAt: null };

const HAND_SET = JSON.parse(readFileSync(new URL('../../models/ranker-hand-set.json', import.meta.url), 'utf8'));
const SERVED = JSON.parse(readFileSync(new URL('../../models/ranker.json', import.meta.url), 'utf8'));
const zero = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as FeatureVector;

function model(weights: Partial<Record<string, number>>, bias = 0): RankerModel {
  return {
    version: 'test-1',
    featureNames: [...FEATURE_NAMES],
    mean: FEATURE_NAMES.map(() => 1),
    std: FEATURE_NAMES.map(() => 2),
    weights: FEATURE_NAMES.map((n) => weights[n] ?? 0),
    bias,
    training: null,
  };
}

describe('profileVector', () => {
  it('is the recency-weighted mean, normalised, skipping unknown vectors', () => {
    const v = profileVector([new Float32Array([1, 0]), null, new Float32Array([0, 1])], 0.5)!;
    // weights 1 and 0.25 (the null still ages the later ones)
    const norm = Math.hypot(1, 0.25);
    expect(v[0]).toBeCloseTo(1 / norm, 6);
    expect(v[1]).toBeCloseTo(0.25 / norm, 6);
    expect(profileVector([null, null])).toBeNull();
  });
});

describe('computeFeatures', () => {
  const user: UserProfile = {
    userId: 'u',
    eventCount: 4,
    positiveCount: 4,
    ratingSum: 16,
    ratingCount: 4,
    recentPositives: [],
    seenItemIds: new Set(['i']),
    categoryAffinity: { Comedy: 0.75, Drama: 0.25 },
    recentCategoryAffinity: { Comedy: 0.5, Romance: 0.125, Drama: 0.375 },
    firstEventAt: 0,
    lastEventAt: 0,
  };
  it('derives every feature from its inputs', () => {
    const f = computeFeatures({
      candidate: {
        itemId: 'i',
        fusedScore: 0.03,
        hits: [
          { source: 'lexical', score: 6, rank: 1 },
          { source: 'dense', score: 0.7, rank: 3 },
        ],
      },
      item: { id: 'i', title: 't', text: '', categories: ['Comedy', 'Romance'], tags: [], year: 2000, createdAt: NOW - 60 * 86_400_000 },
      stats: {
        itemId: 'i',
        counts: { view: 0, click: 3, add_to_cart: 0, purchase: 0, rating: 5, impression: 40 },
        // Forward-decayed sums: 2 clicks now-ish and 4 views one half-life ago, seen from NOW.
        decayedCounts: {
          view: 4 * decayWeight(NOW - HALF_LIVES.itemInteractions, HALF_LIVES.itemInteractions),
          click: 2 * decayWeight(NOW, HALF_LIVES.itemInteractions),
          add_to_cart: 0,
          purchase: 0,
          rating: 0,
          impression: 0,
        },
        ratingSum: 20,
        ratingCount: 5,
        positiveUsers: 3,
        lastEventAt: 1,
      },
      user,
      itemVector: new Float32Array([1, 0]),
      profile: new Float32Array([0.6, 0.8]),
      seedCategories: new Set(['Comedy', 'Drama']),
      maxLexical: 8,
      referenceYear: 2015,
      now: NOW,
    });
    expect(f.rrf).toBe(0.03);
    expect(f.dense_similarity).toBeCloseTo(0.7, 6);
    expect(f.lexical_score).toBe(0.75);
    expect(f.source_count).toBe(2);
    expect(f.log_popularity).toBeCloseTo(Math.log(4), 12);
    expect(f.rating_mean).toBeCloseTo((20 + 17.5) / 10 - 3.5, 12);
    expect(f.category_affinity).toBe(0.75);
    expect(f.profile_similarity).toBeCloseTo(0.6, 6);
    expect(f.seed_category_overlap).toBeCloseTo(1 / 3, 12);
    expect(f.recency).toBeCloseTo(Math.exp(-1), 12);
    // 2 clicks at weight 1, plus 4 views at 0.25 that have decayed by half.
    expect(f.trending).toBeCloseTo(Math.log1p(2 + 0.5), 12);
    expect(f.smoothed_ctr).toBeCloseTo((3 + 1) / (40 + 20), 12);
    expect(f.item_freshness).toBeCloseTo(0.25, 12); // 60 days, a 30-day half-life
    expect(f.recent_category_affinity).toBe(0.625);
    expect(f.seen_before).toBe(1);
  });

  it('keeps the click-through rate a rate when clicks outnumber logged impressions', () => {
    const f = computeFeatures({
      candidate: { itemId: 'j', fusedScore: 0, hits: [] },
      item: { id: 'j', title: 't', text: '', categories: [], tags: [], year: null, createdAt: NOW },
      stats: { ...EMPTY_STATS, counts: { ...EMPTY_STATS.counts, click: 50 } },
      user: null,
      itemVector: null,
      profile: null,
      seedCategories: null,
      maxLexical: 0,
      referenceYear: 2015,
      now: NOW,
    });
    expect([f.smoothed_ctr, f.trending, f.item_freshness, f.seen_before, f.recent_category_affinity]).toEqual([1, 0, 1, 0, 0]);
  });
});

describe('scoreCandidate and rankCandidates', () => {
  it('standardises, weights and explains each feature', () => {
    const scored = scoreCandidate(model({ rrf: 2, recency: -1 }, 0.5), { ...zero, rrf: 5, recency: 3 });
    // z(rrf) = (5-1)/2 = 2 → 4; z(recency) = 1 → -1; logit = 0.5 + 4 - 1 + (0-1)/2·0 …
    expect(scored.logit).toBeCloseTo(3.5, 12);
    expect(scored.score).toBeCloseTo(sigmoid(3.5), 12);
    expect(scored.contributions.find((c) => c.name === 'rrf')).toEqual({ name: 'rrf', value: 5, standardizedValue: 2, weight: 2, contribution: 4 });
    expect(scored.bias).toBe(0.5);
  });

  it('orders by score and keeps the retrieval order on ties', () => {
    const candidates = ['a', 'b', 'c'].map((itemId) => ({ itemId, fusedScore: 0, hits: [] }));
    const ranked = rankCandidates(model({ log_popularity: 1 }), candidates, [
      { ...zero, log_popularity: 1 },
      { ...zero, log_popularity: 3 },
      { ...zero, log_popularity: 1 },
    ]);
    expect(ranked.map((r) => r.itemId)).toEqual(['b', 'a', 'c']);
    expect(ranked[0]!.modelVersion).toBe('test-1');
  });
});

describe('parseRankerModels', () => {
  it('accepts the hand-set models as JSON', () => {
    const parsed = parseRankerModels(HAND_SET);
    expect(parsed.search.version).toBe('hand-set-search-1');
  });

  it('refuses a model whose feature names differ from the code, saying both', () => {
    const file = structuredClone(HAND_SET);
    file.recommend.featureNames = ['rrf', 'popularity'];
    expect(() => parseRankerModels(file)).toThrow(
      `recommend.featureNames do not match this gateway's features: the model has [rrf, popularity], the code computes [${FEATURE_NAMES.join(', ')}]; retrain the model with this version`,
    );
  });

  it('reads the served file: a learned recommend model with its training record, hand-set search and similar', () => {
    const parsed = parseRankerModels(SERVED);
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.recommend.version).toMatch(/^learned-recommend-\d{8}T\d{6}Z$/);
    const training = parsed.recommend.training!;
    expect(training.optimiser.converged).toBe(true);
    expect(Object.keys(training.metrics).sort()).toEqual(
      ['referenceAuc', 'referenceLogLoss', 'referenceNdcgAt10', 'retrievalAuc', 'retrievalNdcgAt10', 'validationAuc', 'validationLogLoss', 'validationNdcgAt10'],
    );
    // The learned model is served because it beat the hand-set one on the validation period.
    expect(training.metrics.validationNdcgAt10).toBeGreaterThan(training.metrics.referenceNdcgAt10!);
    expect(parsed.search).toEqual(parseRankerModels(HAND_SET).search);
    expect(parsed.similar.training).toBeNull();
  });

  it('refuses a file of another format version, and a malformed training record', () => {
    expect(() => parseRankerModels({ ...HAND_SET, formatVersion: 2 })).toThrow('formatVersion must be 1 (this gateway\'s model file format), got 2');
    const { formatVersion: _, ...unversioned } = HAND_SET;
    expect(() => parseRankerModels(unversioned)).toThrow('formatVersion must be 1');
    const file = structuredClone(SERVED);
    file.recommend.training.optimiser.converged = 'yes';
    expect(() => parseRankerModels(file)).toThrow('recommend.training.optimiser.converged must be true or false');
    const other = structuredClone(SERVED);
    other.recommend.training.metrics.validationAuc = 'high';
    expect(() => parseRankerModels(other)).toThrow('recommend.training.metrics.validationAuc must be a finite number');
  });

  it('refuses weights of the wrong length', () => {
    const file = structuredClone(HAND_SET);
    file.search.weights = [1, 2];
    expect(() => parseRankerModels(file)).toThrow(`search.weights must be an array of ${FEATURE_NAMES.length} finite numbers`);
  });

  it('refuses values that would overflow a logit: weights, bias, means and stds out of bounds', () => {
    const refused = (edit: (file: typeof HAND_SET) => void, message: string) => {
      const file = structuredClone(HAND_SET);
      edit(file);
      expect(() => parseRankerModels(file)).toThrow(message);
    };
    refused((f) => (f.recommend.weights[0] = 1e308), 'recommend.weights[0] is 1e+308: each value must lie within ±1000, or scores overflow');
    refused((f) => (f.search.weights[1] = -1001), 'search.weights[1] is -1001: each value must lie within ±1000, or scores overflow');
    refused((f) => (f.similar.bias = 1e4), 'similar.bias must be a finite number within ±1000, got 10000');
    refused((f) => (f.search.mean[0] = 1e12), 'search.mean[0] is 1000000000000: each value must lie within ±1000000000, or scores overflow');
    refused((f) => (f.search.std[2] = 1e-300), 'search.std[2] is 1e-300: a std must be 0 (feature unused) or at least 1e-9');
    // At the bounds the file still loads.
    const edge = structuredClone(HAND_SET);
    edge.search.weights[0] = 1000;
    edge.search.bias = -1000;
    edge.search.std[0] = 0;
    expect(parseRankerModels(edge).search.weights[0]).toBe(1000);
  });
});
