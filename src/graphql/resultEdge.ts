import type { Item } from '../domain/item.js';
import type { RankedItem } from '../domain/scoredItem.js';

/** One result of a page with its item already loaded (the parent of `ItemEdge`). */
export interface ResultEdge {
  readonly ranked: RankedItem;
  /** 0-based position in the whole ranked list. */
  readonly position: number;
  readonly item: Item;
  /** The list the edge belongs to, for its cursor. */
  readonly listKey: string;
}
