/** Hyper-parameters of skip-gram with negative sampling (word2vec's names in brackets). */
export interface SkipGramOptions {
  /** Length of each vector [size]. */
  readonly dimension: number;
  /** Context tokens each side; the effective window is drawn from 1..window per token, as word2vec does [window]. */
  readonly window: number;
  /** Noise tokens drawn per positive pair, from counts^0.75 [negative]. */
  readonly negatives: number;
  readonly epochs: number;
  /** Tokens seen fewer times are dropped before training [min-count]. */
  readonly minCount: number;
  /** Down-sampling threshold for frequent tokens; 0 turns it off [sample]. */
  readonly subsample: number;
  /** Starting learning rate, decayed linearly to `learningRate × 1e-4` over all epochs [alpha]. */
  readonly learningRate: number;
  readonly seed: number;
}

export const SKIP_GRAM_DEFAULTS: SkipGramOptions = {
  dimension: 64,
  window: 5,
  negatives: 5,
  epochs: 5,
  minCount: 5,
  subsample: 1e-3,
  learningRate: 0.025,
  seed: 42,
};

/** Fills defaults and rejects values the trainer cannot work with, naming the option and the value. */
export function skipGramOptions(options: Partial<SkipGramOptions> = {}): SkipGramOptions {
  const merged = { ...SKIP_GRAM_DEFAULTS, ...options };
  const positive = (name: keyof SkipGramOptions, value: number) => {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  };
  positive('dimension', merged.dimension);
  positive('window', merged.window);
  positive('negatives', merged.negatives);
  positive('epochs', merged.epochs);
  positive('minCount', merged.minCount);
  if (!Number.isInteger(merged.seed)) throw new RangeError(`seed must be an integer, got ${merged.seed}`);
  if (!(merged.subsample >= 0 && merged.subsample < 1)) throw new RangeError(`subsample must be from 0 to below 1, got ${merged.subsample}`);
  if (!(merged.learningRate > 0 && merged.learningRate <= 1)) throw new RangeError(`learningRate must be above 0 and at most 1, got ${merged.learningRate}`);
  return Object.freeze(merged);
}
