import type { FeatureContribution } from '../domain/scoredItem.js';
import type { FeatureVector } from '../features/featureNames.js';
import type { RankerModel } from './rankerModel.js';

export interface RankerScore {
  readonly score: number;
  readonly logit: number;
  readonly bias: number;
  readonly contributions: FeatureContribution[];
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Scores one candidate and says what each feature added. Pure. */
export function scoreCandidate(model: RankerModel, features: FeatureVector): RankerScore {
  let logit = model.bias;
  const contributions: FeatureContribution[] = [];
  model.featureNames.forEach((name, i) => {
    const value = features[name as keyof FeatureVector];
    const std = model.std[i]!;
    const z = std > 0 ? (value - model.mean[i]!) / std : 0;
    const weight = model.weights[i]!;
    const contribution = weight * z;
    logit += contribution;
    contributions.push({ name, value, standardizedValue: z, weight, contribution });
  });
  return { score: sigmoid(logit), logit, bias: model.bias, contributions };
}
