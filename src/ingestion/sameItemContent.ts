import type { Item } from '../domain/item.js';
import type { ItemInput } from '../pipeline/requests.js';

/** Whether an input would store exactly what the catalog has, so that its vector is the same too. */
export function sameItemContent(stored: Item, input: ItemInput): boolean {
  return (
    stored.title === input.title &&
    stored.text === input.text &&
    stored.year === input.year &&
    sameList(stored.categories, input.categories) &&
    sameList(stored.tags, input.tags)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
