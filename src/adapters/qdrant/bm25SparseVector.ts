import type { Item } from '../../domain/item.js';

export interface SparseVector {
  readonly indices: number[];
  readonly values: number[];
}

/**
 * Field weights, the embedded index's BM25 column weights (title, text, categories, tags):
 * a word in the title says more than the same word in the description, a tag chosen by
 * people more than a word of prose.
 */
const FIELD_WEIGHTS = { title: 4, text: 1, categories: 1.5, tags: 2 } as const;
/** BM25's term-frequency saturation and length normalisation, the usual values. */
const K1 = 1.2;
const B = 0.75;
/**
 * BM25 needs the average document length, which no single write knows; Qdrant applies only
 * the IDF part server-side. A fixed value (as FastEmbed's BM25 does) keeps every point's
 * vector independent of the others, so writes never touch other points.
 */
const AVERAGE_LENGTH = 64;
/** Same bound as the embedded index: more words add nothing to BM25 but cost. */
const MAX_QUERY_TERMS = 32;

// Letters, digits and combining marks, like FTS5's unicode61 tokenizer; diacritics are
// removed afterwards (its remove_diacritics option), so "café" and "cafe" are one word.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;

/** The words of a text, as the embedded FTS5 index reads them: NFKC, lower case, no diacritics. */
export function lexicalWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const word = match[0].normalize('NFD').replace(MARKS, '');
    if (word.length > 0) words.push(word);
  }
  return words;
}

/**
 * The sparse-vector dimension of a word: FNV-1a, 32 bits, so that every replica and every
 * reindex agrees without a shared vocabulary. Collisions merge two words' statistics, rare
 * at 2^32 dimensions.
 */
export function termIndex(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * An item's document vector for a sparse vector with Qdrant's `idf` modifier: per word the
 * BM25 term-frequency part, over the weighted fields; the server multiplies in the IDF.
 */
export function documentSparseVector(item: Pick<Item, 'title' | 'text' | 'categories' | 'tags'>): SparseVector {
  const frequencies = new Map<number, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const word of lexicalWords(text)) {
      const index = termIndex(word);
      frequencies.set(index, (frequencies.get(index) ?? 0) + weight);
      length += weight;
    }
  };
  add(item.title, FIELD_WEIGHTS.title);
  add(item.text, FIELD_WEIGHTS.text);
  for (const category of item.categories) add(category, FIELD_WEIGHTS.categories);
  for (const tag of item.tags) add(tag, FIELD_WEIGHTS.tags);
  const norm = K1 * (1 - B + (B * length) / AVERAGE_LENGTH);
  const indices = [...frequencies.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((index) => {
    const tf = frequencies.get(index)!;
    return (tf * (K1 + 1)) / (tf + norm);
  }) };
}

/** A query's vector: each distinct word once, weight 1; null when the text has no word. */
export function querySparseVector(text: string): SparseVector | null {
  const indices = new Set<number>();
  for (const word of lexicalWords(text)) {
    indices.add(termIndex(word));
    if (indices.size === MAX_QUERY_TERMS) break;
  }
  if (indices.size === 0) return null;
  const sorted = [...indices].sort((a, b) => a - b);
  return { indices: sorted, values: sorted.map(() => 1) };
}
