import { daleChall } from 'dale-chall';
import { bertWords, isPunctuation } from './bertWords.js';
import { ENGLISH_STOP_WORDS } from './englishStopWords.js';
import { SPECIAL_TOKENS } from './specialTokens.js';

/** A WordPiece vocabulary with a suggested weight (row norm) per token, row for row. */
export interface WordPieceVocabulary {
  readonly tokens: readonly string[];
  /**
   * How much each token should count in a mean-pooled text vector: IDF-like for corpus words,
   * small for stop words, punctuation and special tokens, zero for padding.
   */
  readonly weights: Float32Array;
}

export interface BuildVocabularyOptions {
  /** Documents (e.g. one per line); null: the built-in English word list (New Dale-Chall). */
  readonly corpus: Iterable<string> | null;
  /** Upper bound on the number of tokens, special tokens included. */
  readonly size: number;
}

// Special tokens plus the base alphabet (letters and digits twice, with and without ##; ASCII symbols).
const MIN_SIZE = 128;
const MAX_WORD_CHARS = 100; // WordPiece maps longer words to [UNK] anyway
const PIECE_WEIGHT = 0.4;
const CHAR_WEIGHT = 0.3;
const PUNCTUATION_WEIGHT = 0.1;
const STOP_WORD_WEIGHT = 0.2;
const SPECIAL_WEIGHTS: Record<string, number> = {
  // [CLS]/[SEP] are in every text: small but not zero, so an empty text still has a direction.
  [SPECIAL_TOKENS.pad]: 0,
  [SPECIAL_TOKENS.unk]: 0.1,
  [SPECIAL_TOKENS.cls]: 0.05,
  [SPECIAL_TOKENS.sep]: 0.05,
  [SPECIAL_TOKENS.mask]: 0,
};
const BASE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Builds a WordPiece vocabulary: special tokens, an alphabet (so that almost no word becomes
 * [UNK]), the most frequent words, then the most frequent word-initial and `##` word-final
 * pieces, so that unseen inflections ("runners") split into known parts ("runner", "##s").
 */
export function buildVocabulary(options: BuildVocabularyOptions): WordPieceVocabulary {
  if (!Number.isInteger(options.size) || options.size < MIN_SIZE) {
    throw new RangeError(`vocabulary size must be an integer of at least ${MIN_SIZE}, got ${options.size}`);
  }
  const fromCorpus = options.corpus !== null;
  const counts = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  for (const document of options.corpus ?? daleChall) {
    documents += 1;
    const seen = new Set<string>();
    for (const word of bertWords(document)) {
      if ([...word].length > MAX_WORD_CHARS) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (!seen.has(word)) {
        seen.add(word);
        documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
      }
    }
  }

  const tokens: string[] = [];
  const weights: number[] = [];
  const present = new Set<string>();
  const add = (token: string, weight: number): boolean => {
    if (present.has(token) || tokens.length >= options.size) return false;
    present.add(token);
    tokens.push(token);
    weights.push(weight);
    return true;
  };

  for (const token of Object.values(SPECIAL_TOKENS)) add(token, SPECIAL_WEIGHTS[token] ?? 0);

  // Every letter, digit and ASCII symbol always, so that no English word becomes [UNK]; other
  // characters by frequency, but rare ones (stray CJK, symbols) must not eat the word budget.
  const base = [...BASE_ALPHABET];
  for (let code = 0x21; code <= 0x7e; code += 1) {
    const char = String.fromCharCode(code);
    if (isPunctuation(char)) base.push(char);
  }
  const extraCounts = new Map<string, number>();
  for (const [word, count] of counts) {
    for (const char of word) if (!base.includes(char)) extraCounts.set(char, (extraCounts.get(char) ?? 0) + count);
  }
  const extra = byCountThenText(extraCounts).slice(0, Math.floor((options.size - MIN_SIZE) / 4));
  const alphabet = [...base, ...extra];
  for (const char of alphabet) add(char, isPunctuation(char) ? PUNCTUATION_WEIGHT : CHAR_WEIGHT);
  for (const char of alphabet) if (!isPunctuation(char)) add(`##${char}`, CHAR_WEIGHT);

  const wordWeight = fromCorpus ? idfWeight(documentFrequency, documents) : builtinWeight;
  const words = byCountThenText(counts).filter((word) => !isPunctuation(word));
  // Words first, but keep a fifth of what is left for pieces so that unseen words still split.
  const wordBudget = tokens.length + Math.ceil((options.size - tokens.length) * 0.8);
  for (const word of words) {
    if (tokens.length >= wordBudget) break;
    add(word, wordWeight(word));
  }

  for (const piece of byCountThenText(pieceCounts(counts))) {
    if (tokens.length >= options.size) break;
    add(piece, PIECE_WEIGHT);
  }
  return { tokens, weights: Float32Array.from(weights) };
}

function builtinWeight(word: string): number {
  return ENGLISH_STOP_WORDS.has(word) ? STOP_WORD_WEIGHT : 1;
}

function idfWeight(documentFrequency: ReadonlyMap<string, number>, documents: number): (word: string) => number {
  // Smoothed IDF scaled so that the rarest possible word weighs 1.
  const highest = Math.log((1 + documents) / 2) + 1;
  return (word) => (Math.log((1 + documents) / (1 + (documentFrequency.get(word) ?? 1))) + 1) / highest;
}

/** Word-initial prefixes and `##` suffixes of 2 to 6 characters seen at least twice. */
function pieceCounts(counts: ReadonlyMap<string, number>): Map<string, number> {
  const pieces = new Map<string, number>();
  for (const [word, count] of counts) {
    const chars = [...word];
    for (let length = 2; length <= Math.min(6, chars.length - 1); length += 1) {
      const prefix = chars.slice(0, length).join('');
      const suffix = `##${chars.slice(chars.length - length).join('')}`;
      pieces.set(prefix, (pieces.get(prefix) ?? 0) + count);
      pieces.set(suffix, (pieces.get(suffix) ?? 0) + count);
    }
  }
  for (const [piece, count] of pieces) if (count < 2) pieces.delete(piece);
  return pieces;
}

function byCountThenText(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([text]) => text);
}
