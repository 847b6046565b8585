import { describe, expect, it } from '@jest/globals';
import { documentSparseVector, lexicalWords, querySparseVector, termIndex } from '../../src/adapters/qdrant/bm25SparseVector.js';
import { item } from './support/catalogFixture.js';

describe('BM25 sparse vectors for Qdrant', () => {
  it('reads words as the embedded FTS5 index does: NFKC, lower case, no diacritics, no syntax', () => {
    expect(lexicalWords('Amélie’s CAFÉ: "toy*" NEAR(heat^2) ﬁlm')).toEqual(['amelie', 's', 'cafe', 'toy', 'near', 'heat', '2', 'film']);
    expect(lexicalWords('  ?! -- ** ')).toEqual([]);
  });

  it('hashes a word to a fixed dimension (FNV-1a, 32 bits)', () => {
    // Published FNV-1a test vectors: "" and "a".
    expect(termIndex('')).toBe(0x811c9dc5);
    expect(termIndex('a')).toBe(0xe40c292c);
    expect(termIndex('story')).toBe(termIndex('story'));
    expect(termIndex('story')).not.toBe(termIndex('stories'));
  });

  it('weights title words above tags, categories and text, with BM25 saturation', () => {
    const doc = documentSparseVector(item('x', { title: 'Vampire', text: 'vampire vampire night', categories: ['Horror'], tags: ['night'] }));
    const weight = (word: string) => doc.values[doc.indices.indexOf(termIndex(word))]!;
    expect(doc.indices).toEqual([...doc.indices].sort((a, b) => a - b));
    expect(doc.indices).toHaveLength(3);
    // Weighted frequencies: vampire 4 + 2 = 6, night 1 + 2 = 3, horror 1.5; document length 10.5.
    const norm = 1.2 * (0.25 + (0.75 * 10.5) / 64);
    expect(weight('vampire')).toBeCloseTo((6 * 2.2) / (6 + norm), 12);
    expect(weight('night')).toBeCloseTo((3 * 2.2) / (3 + norm), 12);
    expect(weight('horror')).toBeCloseTo((1.5 * 2.2) / (1.5 + norm), 12);
    expect(weight('vampire')).toBeLessThan(2.2);
  });

  it('gives a query each distinct word once, at most 32, and nothing without words', () => {
    expect(querySparseVector('Toy toy STORY')).toEqual({ indices: [termIndex('toy'), termIndex('story')].sort((a, b) => a - b), values: [1, 1] });
    expect(querySparseVector(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))!.indices).toHaveLength(32);
    expect(querySparseVector(' -- ')).toBeNull();
  });
});
