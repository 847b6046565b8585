import { isPositive, type InteractionEvent } from '../../domain/event.js';
import type { LabelledRequest } from './labelledRequest.js';

export interface ImpressionLabelOptions {
  /**
   * How long after an impression a positive event without a requestId still counts for it
   * (a purchase made later from the cart), in ms. Events that carry a requestId are matched by it.
   */
  readonly attributionWindowMs: number;
}

/** One list a user was shown: the time each of its items was shown (epoch ms), by item id. */
export interface ShownList {
  readonly requestId: string;
  readonly userId: string;
  readonly shownAt: ReadonlyMap<string, number>;
}

/**
 * The impressions-and-clicks example source on impression *events*: impressions grouped by
 * their requestId are the shown lists (those without a requestId cannot be grouped and are
 * left out), labelled by labelShownLists. Pure.
 */
export function impressionLabels(events: readonly InteractionEvent[], options: ImpressionLabelOptions): LabelledRequest[] {
  const lists = new Map<string, { requestId: string; userId: string; shownAt: Map<string, number> }>();
  for (const event of events) {
    if (event.type !== 'impression' || event.requestId === null) continue;
    const key = `${event.userId}\u0000${event.requestId}`;
    const list = lists.get(key) ?? { requestId: event.requestId, userId: event.userId, shownAt: new Map<string, number>() };
    list.shownAt.set(event.itemId, Math.min(list.shownAt.get(event.itemId) ?? Infinity, event.timestamp));
    lists.set(key, list);
  }
  return labelShownLists([...lists.values()], events, options);
}

/**
 * Labels shown lists (logged impression events, or the lists the gateway logged itself) with
 * what followed them: an item is a positive when the same user clicked, added to cart, bought
 * or rated it ≥ 4 with the list's requestId, or without a requestId within the attribution
 * window after it was shown. Events other than positives are ignored. Sorted by request id. Pure.
 */
export function labelShownLists(
  lists: readonly ShownList[],
  events: Iterable<InteractionEvent>,
  options: ImpressionLabelOptions,
): LabelledRequest[] {
  const positivesByUser = new Map<string, InteractionEvent[]>();
  for (const event of events) {
    if (!isPositive(event)) continue;
    const list = positivesByUser.get(event.userId) ?? [];
    list.push(event);
    positivesByUser.set(event.userId, list);
  }
  const labelled = lists.map((list): LabelledRequest => {
    const positives = new Set<string>();
    for (const event of positivesByUser.get(list.userId) ?? []) {
      const shownAt = list.shownAt.get(event.itemId);
      if (shownAt === undefined) continue;
      const attributed =
        event.requestId === null ? event.timestamp >= shownAt && event.timestamp - shownAt <= options.attributionWindowMs : event.requestId === list.requestId;
      if (attributed) positives.add(event.itemId);
    }
    return { id: list.requestId, userId: list.userId, shown: new Set(list.shownAt.keys()), positives };
  });
  return labelled.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
