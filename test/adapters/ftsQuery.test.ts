import { describe, expect, it } from '@jest/globals';
import { ftsQuery, MAX_QUERY_TERMS } from '../../src/adapters/sqlite/ftsQuery.js';

describe('ftsQuery', () => {
  it('quotes each word and joins them with OR', () => {
    expect(ftsQuery('Toy Story')).toBe('"toy" OR "story"');
  });

  it('drops every FTS5 operator and keeps only the words', () => {
    expect(ftsQuery('"foo" OR bar*  NEAR(')).toBe('"foo" OR "or" OR "bar" OR "near"');
    expect(ftsQuery('title:toy -heat ^story {a b}:c')).toBe('"title" OR "toy" OR "heat" OR "story" OR "a" OR "b" OR "c"');
  });

  it('keeps letters of every script and their accents, lower-cased', () => {
    expect(ftsQuery('Amélie — 千と千尋 Ω')).toBe('"amélie" OR "千と千尋" OR "ω"');
  });

  it('repeats no word and caps the number of words', () => {
    expect(ftsQuery('the THE the story')).toBe('"the" OR "story"');
    const many = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    expect(ftsQuery(many)!.split(' OR ')).toHaveLength(MAX_QUERY_TERMS);
  });

  it('gives null for text without words', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery('  ?! -- ** "" () ')).toBeNull();
  });
});
