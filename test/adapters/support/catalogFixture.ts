import type { Item } from '../../../src/domain/item.js';
import type { CatalogEntry } from '../../../src/ports/catalogIndex.js';

export function item(id: string, fields: Partial<Omit<Item, 'id'>> = {}): Item {
  return { id, title: '', text: '', categories: [], tags: [], year: null, createdAt: 0, ...fields };
}

export function entry(it: Item, vector: readonly number[]): CatalogEntry {
  return { item: it, vector: Float32Array.from(vector) };
}

/**
 * Six films with 4-dimensional vectors chosen by hand, so that cosine scores are known:
 * the query [1, 0, 0, 0] scores 1 for toy-story, 0.8 for toy-story-2 (0.8, 0.6, 0, 0), 0.6
 * for monsters and 0 for the others.
 */
export const FILMS: readonly CatalogEntry[] = [
  entry(item('toy-story', { title: 'Toy Story', text: 'A cowboy doll is threatened by a new spaceman toy.', categories: ['Animation', 'Children', 'Comedy'], tags: ['pixar'], year: 1995 }), [1, 0, 0, 0]),
  entry(item('toy-story-2', { title: 'Toy Story 2', text: 'Woody is stolen by a toy collector.', categories: ['Animation', 'Children'], tags: ['pixar', 'sequel'], year: 1999 }), [0.8, 0.6, 0, 0]),
  entry(item('monsters', { title: 'Monsters, Inc.', text: 'Monsters scare children for energy; a story about a toy-loving girl.', categories: ['Animation', 'Comedy'], tags: ['pixar'], year: 2001 }), [0.6, 0, 0.8, 0]),
  entry(item('heat', { title: 'Heat', text: 'A detective hunts a crew of thieves in Los Angeles.', categories: ['Action', 'Crime'], tags: [], year: 1995 }), [0, 1, 0, 0]),
  entry(item('matrix', { title: 'The Matrix', text: 'A hacker learns reality is a simulation.', categories: ['Action', 'Sci-Fi'], tags: ['cyberpunk'], year: 1999 }), [0, 0, 1, 0]),
  entry(item('nosferatu', { title: 'Nosferatu', text: 'A vampire story, silent and unnamed in its year.', categories: ['Horror'], tags: [], year: null }), [0, 0, 0, 1]),
];
