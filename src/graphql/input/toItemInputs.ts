import { badInput } from '../../domain/errors.js';
import { validateItem } from '../../ingestion/validateItem.js';
import type { ItemInput as DomainItemInput } from '../../pipeline/requests.js';
import type { ItemInput } from '../generated/resolversTypes.js';
import { checkCount } from './checkCount.js';
import { LIMITS } from './limits.js';

/**
 * The `items` of `upsertItems` for the gateway: null text and lists mean empty (the SDL's
 * defaults), and each item is held to the same rules as file ingestion (validateItem), here at
 * the edge so that the error names the argument and the item's index.
 */
export function toItemInputs(items: readonly ItemInput[]): DomainItemInput[] {
  checkCount(items, LIMITS.upsertItems, 'items', 'items');
  return items.map((item, index) => {
    const input: DomainItemInput = {
      id: item.id,
      title: item.title,
      text: item.text ?? '',
      categories: item.categories ?? [],
      tags: item.tags ?? [],
      year: item.year ?? null,
    };
    const check = validateItem(input);
    if (!check.ok) throw badInput(`\`items[${index}]\`: ${check.reason}`, 'items');
    return input;
  });
}
