import type { SkipGramOptions } from './skipGramOptions.js';
import type { TrainingCorpus } from './trainingCorpus.js';
import { uint32Random } from './uint32Random.js';

export interface SkipGramResult {
  /** counts.length × dimension input vectors, row-major: the embeddings. */
  readonly vectors: Float32Array;
  /** Tokens that passed subsampling and were trained on, over all epochs. */
  readonly tokensTrained: number;
  /** Positive (centre, context) pairs trained on. */
  readonly pairsTrained: number;
}

/** Rows of the noise table; word2vec's 1e8 buys nothing at the vocabulary sizes here. */
const NOISE_TABLE_SIZE = 1 << 20;
/** Beyond ±6 the sigmoid is within 0.25% of 0 or 1; word2vec clips there too. */
const MAX_LOGIT = 6;

/**
 * Skip-gram with negative sampling (Mikolov et al. 2013), single-threaded over typed arrays so
 * that one seed gives the same vectors on every run. Pure: no clock, no I/O; the caller times it.
 */
export function trainSkipGram(corpus: TrainingCorpus<unknown>, options: SkipGramOptions): SkipGramResult {
  const { dimension, window, negatives, epochs, subsample, learningRate } = options;
  const vocabulary = corpus.counts.length;
  const random = uint32Random(options.seed);
  const input = new Float32Array(vocabulary * dimension);
  // Small random inputs and zero outputs, as word2vec starts: every first gradient is informative.
  for (let i = 0; i < input.length; i += 1) input[i] = (random() / 4294967296 - 0.5) / dimension;
  const output = new Float32Array(vocabulary * dimension);
  const gradient = new Float32Array(dimension);
  const noise = noiseTable(corpus.counts);
  const keep = keepProbabilities(corpus.counts, corpus.totalTokens, subsample);

  const planned = epochs * corpus.totalTokens + 1;
  const floor = learningRate * 1e-4;
  let seen = 0;
  let tokensTrained = 0;
  let pairsTrained = 0;
  const kept = new Int32Array(corpus.sequences.reduce((longest, s) => Math.max(longest, s.length), 0));

  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const sequence of corpus.sequences) {
      // Subsampling drops frequent tokens before windows are taken, so windows reach further.
      let length = 0;
      for (let i = 0; i < sequence.length; i += 1) {
        const token = sequence[i]!;
        if (keep[token]! >= 1 || keep[token]! * 4294967296 > random()) kept[length++] = token;
      }
      seen += sequence.length;
      tokensTrained += length;
      const alpha = Math.max(floor, learningRate * (1 - seen / planned));
      for (let centre = 0; centre < length; centre += 1) {
        const target = kept[centre]!;
        const reach = window - (random() % window);
        const from = Math.max(0, centre - reach);
        const to = Math.min(length - 1, centre + reach);
        for (let c = from; c <= to; c += 1) {
          if (c === centre) continue;
          pairsTrained += 1;
          const inputRow = kept[c]! * dimension;
          gradient.fill(0);
          for (let n = 0; n <= negatives; n += 1) {
            let sample: number;
            let label: number;
            if (n === 0) {
              sample = target;
              label = 1;
            } else {
              sample = noise[random() & (NOISE_TABLE_SIZE - 1)]!;
              if (sample === target) continue;
              label = 0;
            }
            const outputRow = sample * dimension;
            let logit = 0;
            for (let d = 0; d < dimension; d += 1) logit += input[inputRow + d]! * output[outputRow + d]!;
            const predicted = logit > MAX_LOGIT ? 1 : logit < -MAX_LOGIT ? 0 : 1 / (1 + Math.exp(-logit));
            const step = (label - predicted) * alpha;
            for (let d = 0; d < dimension; d += 1) {
              const weight = output[outputRow + d]!;
              gradient[d]! += step * weight;
              output[outputRow + d] = weight + step * input[inputRow + d]!;
            }
          }
          for (let d = 0; d < dimension; d += 1) input[inputRow + d]! += gradient[d]!;
        }
      }
    }
  }
  return { vectors: input, tokensTrained, pairsTrained };
}

/** Token indexes repeated in proportion to count^0.75: drawing a uniform slot draws from word2vec's noise distribution. */
function noiseTable(counts: Int32Array): Int32Array {
  const table = new Int32Array(NOISE_TABLE_SIZE);
  let total = 0;
  for (const count of counts) total += count ** 0.75;
  if (total === 0) return table;
  let token = 0;
  let cumulative = counts[0]! ** 0.75 / total;
  for (let slot = 0; slot < NOISE_TABLE_SIZE; slot += 1) {
    table[slot] = token;
    while (slot / NOISE_TABLE_SIZE > cumulative && token < counts.length - 1) {
      token += 1;
      cumulative += counts[token]! ** 0.75 / total;
    }
  }
  return table;
}

/** word2vec's keep probability (sqrt(f/t) + 1)·t/f per token, f its share of the corpus; 1 when off. */
function keepProbabilities(counts: Int32Array, total: number, threshold: number): Float64Array {
  const keep = new Float64Array(counts.length).fill(1);
  if (threshold === 0 || total === 0) return keep;
  const scaled = threshold * total;
  for (let i = 0; i < counts.length; i += 1) {
    const count = counts[i]!;
    if (count > 0) keep[i] = (Math.sqrt(count / scaled) + 1) * (scaled / count);
  }
  return keep;
}
