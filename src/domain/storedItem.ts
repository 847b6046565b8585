import type { Item } from './item.js';

/**
 * Exactly the fields of Item, in a fixed order, whatever else the object carries; a missing
 * year or list is stored as null or empty, so that filters read the same before and after a
 * restart, in every store.
 */
export function storedItem(item: Item): Item {
  return {
    id: item.id,
    title: item.title ?? '',
    text: item.text ?? '',
    categories: item.categories ?? [],
    tags: item.tags ?? [],
    year: item.year ?? null,
    createdAt: item.createdAt,
  };
}
