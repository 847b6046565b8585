import { isPositive, type InteractionEvent } from '../../domain/event.js';
import type { LabelledRequest } from './labelledRequest.js';

export interface ImpressionLabelOptions {
  /**
   * How long after an impression a positive event without a requestId still counts for it
   * (a purchase made later from the cart), in ms. Events that carry a requestId are matched by it.
   */
  readonly attributionWindowMs: number;
}

/**
 * The impressions-and-clicks example source: impressions grouped by their requestId are the
 * shown lists; an item is a positive when the same user clicked, added to cart, bought or
 * rated it ≥ 4 with the same requestId, or without one within the attribution window after
 * its impression. Impressions without a requestId cannot be grouped and are left out. Pure.
 */
export function impressionLabels(events: readonly InteractionEvent[], options: ImpressionLabelOptions): LabelledRequest[] {
  const requests = new Map<string, { userId: string; shownAt: Map<string, number> }>();
  for (const event of events) {
    if (event.type !== 'impression' || event.requestId === null) continue;
    const key = `${event.userId}\u0000${event.requestId}`;
    const request = requests.get(key) ?? { userId: event.userId, shownAt: new Map<string, number>() };
    request.shownAt.set(event.itemId, Math.min(request.shownAt.get(event.itemId) ?? Infinity, event.timestamp));
    requests.set(key, request);
  }
  const positivesByUser = new Map<string, InteractionEvent[]>();
  for (const event of events) {
    if (!isPositive(event)) continue;
    const list = positivesByUser.get(event.userId) ?? [];
    list.push(event);
    positivesByUser.set(event.userId, list);
  }
  const labelled: LabelledRequest[] = [];
  for (const [key, request] of requests) {
    const requestId = key.slice(key.indexOf('\u0000') + 1);
    const positives = new Set<string>();
    for (const event of positivesByUser.get(request.userId) ?? []) {
      const shownAt = request.shownAt.get(event.itemId);
      if (shownAt === undefined) continue;
      const attributed =
        event.requestId === null ? event.timestamp >= shownAt && event.timestamp - shownAt <= options.attributionWindowMs : event.requestId === requestId;
      if (attributed) positives.add(event.itemId);
    }
    labelled.push({ id: requestId, userId: request.userId, shown: new Set(request.shownAt.keys()), positives });
  }
  return labelled.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.userId < b.userId ? -1 : 1));
}
