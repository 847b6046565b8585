import { FEATURE_NAMES } from '../features/featureNames.js';
import type { RankerModel, RankerModels, RankerTraining, TimeWindow } from './rankerModel.js';

/** The model file format this code reads; train:ranker writes it. */
export const RANKER_FORMAT_VERSION = 1;

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
    training: model.training === undefined || model.training === null ? null : parseTraining(model.training, `${where}.training`),
    featureNames: [...FEATURE_NAMES],
    mean: numbers(model.mean, n, `${where}.mean`),
    std,
    weights: numbers(model.weights, n, `${where}.weights`),
    bias: model.bias,
  };
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new RankerModelError(`${where} must be a non-empty string`);
  return value;
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RankerModelError(`${where} must be a finite number`);
  return value;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RankerModelError(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function numberRecord(value: unknown, where: string): Record<string, number> {
  return Object.fromEntries(Object.entries(record(value, where)).map(([key, x]) => [key, finite(x, `${where}.${key}`)]));
}

function window(value: unknown, where: string): TimeWindow {
  const w = record(value, where);
  return { from: text(w.from, `${where}.from`), to: text(w.to, `${where}.to`) };
}

function parseTraining(value: unknown, where: string): RankerTraining {
  const t = record(value, where);
  const o = record(t.optimiser, `${where}.optimiser`);
  if (typeof o.converged !== 'boolean') throw new RankerModelError(`${where}.optimiser.converged must be true or false`);
  return {
    trainedAt: text(t.trainedAt, `${where}.trainedAt`),
    dataSource: text(t.dataSource, `${where}.dataSource`),
    trainingWindow: window(t.trainingWindow, `${where}.trainingWindow`),
    validationWindow: window(t.validationWindow, `${where}.validationWindow`),
    metrics: numberRecord(t.metrics, `${where}.metrics`),
    examples: numberRecord(t.examples, `${where}.examples`),
    optimiser: {
      method: text(o.method, `${where}.optimiser.method`),
      l2: finite(o.l2, `${where}.optimiser.l2`),
      classWeighting: text(o.classWeighting, `${where}.optimiser.classWeighting`),
      iterations: finite(o.iterations, `${where}.optimiser.iterations`),
      gradientNorm: finite(o.gradientNorm, `${where}.optimiser.gradientNorm`),
      converged: o.converged,
    },
  };
}

/**
 * Validates a ranker model file's JSON: `{ formatVersion, search, recommend, similar }`, one
 * RankerModel each; a learned model also carries `training` (window, data source, metrics).
 */
export function parseRankerModels(json: unknown): RankerModels {
  if (!json || typeof json !== 'object') throw new RankerModelError('a ranker model file must hold a JSON object');
  const file = json as Record<string, unknown>;
  if (file.formatVersion !== RANKER_FORMAT_VERSION) {
    throw new RankerModelError(`formatVersion must be ${RANKER_FORMAT_VERSION} (this gateway's model file format), got ${JSON.stringify(file.formatVersion)}`);
  }
  return {
    formatVersion: RANKER_FORMAT_VERSION,
    search: parseModel(file.search, 'search'),
    recommend: parseModel(file.recommend, 'recommend'),
    similar: parseModel(file.similar, 'similar'),
  };
}
