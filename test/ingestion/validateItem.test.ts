import { describe, expect, it } from '@jest/globals';
import { validateItem } from '../../src/ingestion/validateItem.js';
import type { ItemInput } from '../../src/pipeline/requests.js';

const toyStory: ItemInput = {
  id: '1',
  title: 'Toy Story',
  text: 'Toys come to life.',
  categories: ['Animation', 'Children'],
  tags: ['pixar'],
  year: 1995,
};

function reason(input: Partial<ItemInput>): string | null {
  const result = validateItem({ ...toyStory, ...input });
  return result.ok ? null : result.reason;
}

describe('validateItem', () => {
  it('accepts an item and returns it unchanged', () => {
    expect(validateItem(toyStory)).toEqual({ ok: true, value: toyStory });
  });

  it('bounds the id to 1..128 characters without control characters', () => {
    expect(reason({ id: '' })).toBe('id must not be empty');
    expect(reason({ id: 'x'.repeat(128) })).toBeNull();
    expect(reason({ id: 'x'.repeat(129) })).toBe('id must be at most 128 characters, got 129');
    expect(reason({ id: 'a\tb' })).toBe('id must not contain control characters, got "a\\tb"');
  });

  it('bounds title and text', () => {
    expect(reason({ title: '' })).toBe('title must be a non-empty string, got ""');
    expect(reason({ title: '   ' })).toBe('title must be a non-empty string, got "   "');
    expect(reason({ title: 't'.repeat(1000) })).toBeNull();
    expect(reason({ title: 't'.repeat(1001) })).toBe('title must be at most 1000 characters, got 1001');
    expect(reason({ text: '' })).toBeNull();
    expect(reason({ text: 'w'.repeat(20_000) })).toBeNull();
    expect(reason({ text: 'w'.repeat(20_001) })).toBe('text must be at most 20000 characters, got 20001');
  });

  it('bounds categories to 50 and tags to 200, each a non-empty label', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `label ${i}`);
    expect(reason({ categories: labels(50), tags: labels(200) })).toBeNull();
    expect(reason({ categories: labels(51) })).toBe('categories must have at most 50 entries, got 51');
    expect(reason({ tags: labels(201) })).toBe('tags must have at most 200 entries, got 201');
    expect(reason({ tags: ['fun', ''] })).toBe('tags[1] must be a non-empty string, got ""');
    expect(reason({ categories: ['c'.repeat(201)] })).toBe('categories[0] must be at most 200 characters, got 201');
  });

  it('wants the year an integer from 0 to 3000, or null', () => {
    expect(reason({ year: null })).toBeNull();
    expect(reason({ year: 0 })).toBeNull();
    expect(reason({ year: 3000 })).toBeNull();
    expect(reason({ year: 3001 })).toBe('year must be an integer from 0 to 3000 or null, got 3001');
    expect(reason({ year: -1 })).toBe('year must be an integer from 0 to 3000 or null, got -1');
    expect(reason({ year: 1995.5 })).toBe('year must be an integer from 0 to 3000 or null, got 1995.5');
  });
});
