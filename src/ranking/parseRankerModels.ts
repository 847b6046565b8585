import { FEATURE_NAMES } from '../features/featureNames.js';
import type { RankerModel, RankerModels, RankerTraining, TimeWindow } from './rankerModel.js';

/** The model file format this code reads; train:ranker writes it. */
export const RANKER_FORMAT_VERSION = 1;

export class RankerModelError extends Error {
  override name = 'RankerModelError';
}

/**
 * Bounds that keep every logit finite: a weight times a standardised feature, summed over the
 * features, must not overflow (a logit of ±1e308 would reach clients as Infinity). Learned
 * models sit far inside them; a value outside is a broken or hand-edited file.
 */
export const MAX_ABS_WEIGHT = 1e3;
/** Means and stds are in the features' own units: years and counts stay far below this. */
export const MAX_ABS_MOMENT = 1e9;
/** A std below this would blow a standardised value up past any weight bound. */
export const MIN_POSITIVE_STD = 1e-9;

function numbers(value: unknown, length: number, where: string, bound: number): number[] {
  if (!Array.isArray(value) || value.length !== length || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new RankerModelError(`${where} must be an array of ${length} finite numbers`);
  }
  const outside = (value as number[]).findIndex((x) => Math.abs(x) > bound);
  if (outside >= 0) throw new RankerModelError(`${where}[${outside}] is ${value[outside]}: each value must lie within ±${bound}, or scores overflow`);
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
  if (typeof model.bias !== 'number' || !Number.isFinite(model.bias) || Math.abs(model.bias) > MAX_ABS_WEIGHT) {
    throw new RankerModelError(`${where}.bias must be a finite number within ±${MAX_ABS_WEIGHT}, got ${String(model.bias)}`);
  }
  const n = FEATURE_NAMES.length;
  const std = numbers(model.std, n, `${where}.std`, MAX_ABS_MOMENT);
  if (std.some((s) => s < 0)) throw new RankerModelError(`${where}.std must not be negative`);
  const tiny = std.findIndex((s) => s > 0 && s < MIN_POSITIVE_STD);
  // 0 means "constant feature, left out"; a positive std this small would overflow z.
  if (tiny >= 0) throw new RankerModelError(`${where}.std[${tiny}] is ${std[tiny]}: a std must be 0 (feature unused) or at least ${MIN_POSITIVE_STD}`);
  return {
    version: model.version,
    training: model.training === undefined || model.training === null ? null : parseTraining(model.training, `${where}.training`),
    featureNames: [...FEATURE_NAMES],
    mean: numbers(model.mean, n, `${where}.mean`, MAX_ABS_MOMENT),
    std,
    weights: numbers(model.weights, n, `${where}.weights`, MAX_ABS_WEIGHT),
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
