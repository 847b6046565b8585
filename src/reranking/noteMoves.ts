import type { RankedItem, RerankNote } from '../domain/scoredItem.js';

/**
 * Appends a note to every item whose position differs between `before` and `after` (and to
 * those in `acted`, which a step changed without moving), so that each step that moved an item
 * says so in its explanation. `detail` writes the words. Pure.
 */
export function noteMoves(
  before: readonly RankedItem[],
  after: readonly RankedItem[],
  step: string,
  detail: (item: RankedItem, rankBefore: number, rankAfter: number) => string,
  acted: ReadonlySet<string> = new Set(),
): RankedItem[] {
  const rankBefore = new Map(before.map((item, i) => [item.itemId, i + 1]));
  return after.map((item, i) => {
    const from = rankBefore.get(item.itemId)!;
    const to = i + 1;
    if (from === to && !acted.has(item.itemId)) return item;
    const note: RerankNote = { step, rankBefore: from, rankAfter: to, detail: detail(item, from, to) };
    return { ...item, rerank: [...item.rerank, note] };
  });
}
