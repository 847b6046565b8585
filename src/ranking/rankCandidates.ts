import type { Candidate } from '../domain/candidate.js';
import type { ScoredCandidate } from '../domain/scoredItem.js';
import type { FeatureVector } from '../features/featureNames.js';
import type { RankerModel } from './rankerModel.js';
import { scoreCandidate } from './scoreCandidate.js';

/**
 * Scores every candidate and orders them best first. Ties fall back to the fusion order so
 * that equal scores keep what retrieval thought. Pure.
 */
export function rankCandidates(
  model: RankerModel,
  candidates: readonly Candidate[],
  features: readonly FeatureVector[],
): ScoredCandidate[] {
  return candidates
    .map((candidate, i) => ({ candidate, i, ...scoreCandidate(model, features[i]!) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ candidate, score, logit, bias, contributions }) => ({
      ...candidate,
      score,
      logit,
      bias,
      contributions,
      modelVersion: model.version,
    }));
}
