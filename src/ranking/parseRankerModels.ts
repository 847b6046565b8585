import { FEATURE_NAMES } from '../features/featureNames.js';
import type { RankerModel, RankerModels } from './rankerModel.js';

export class RankerModelError extends Error {
  override name = 'RankerModelError';
}

function numbers(value: unknown, length: number, where: string): number[] {
  if (!Array.isArray(value) || value.length !== length || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new RankerModelError(`${where} must be an array of ${length} finite numbers`);
  }
  return value as number[];
}

function parseModel(value: unknown, where: string): RankerModel {
  if (!value || typeof value !== 'object') throw new RankerModelError(`${where} must be an object`);
  const model = value as Record<string, unknown>;
  if (typeof model.version !== 'string' || model.version === '') throw new RankerModelError(`${where}.version must be a non-empty string`);
  const names = model.featureNames;
  if (!Array.isArray(names) || names.join(',') !== FEATURE_NAMES.join(',')) {
    throw new RankerModelError(
      `${where}.featureNames do not match this gateway's features: the model has [${Array.isArray(names) ? names.join(', ') : String(names)}], the code computes [${FEATURE_NAMES.join(', ')}]; retrain the model with this version`,
    );
  }
  if (typeof model.bias !== 'number' || !Number.isFinite(model.bias)) throw new RankerModelError(`${where}.bias must be a finite number`);
  const n = FEATURE_NAMES.length;
  const std = numbers(model.std, n, `${where}.std`);
  if (std.some((s) => s < 0)) throw new RankerModelError(`${where}.std must not be negative`);
  return {
    version: model.version,
    featureNames: [...FEATURE_NAMES],
    mean: numbers(model.mean, n, `${where}.mean`),
    std,
    weights: numbers(model.weights, n, `${where}.weights`),
    bias: model.bias,
  };
}

/** Validates a ranker model file's JSON: `{ search, recommend, similar }`, one RankerModel each. */
export function parseRankerModels(json: unknown): RankerModels {
  if (!json || typeof json !== 'object') throw new RankerModelError('a ranker model file must hold a JSON object');
  const file = json as Record<string, unknown>;
  return {
    search: parseModel(file.search, 'search'),
    recommend: parseModel(file.recommend, 'recommend'),
    similar: parseModel(file.similar, 'similar'),
  };
}
