import { isPositive, type InteractionEvent } from '../domain/event.js';

/**
 * Each user's positive items in time order, one sequence per user: item2vec's "sentences".
 * Ties in time keep the log's order (the sort is stable), and an item liked twice appears once,
 * at its first positive, so that a repeat does not teach an item to be its own neighbour.
 */
export function userSequences(events: Iterable<Pick<InteractionEvent, 'type' | 'value' | 'userId' | 'itemId' | 'timestamp'>>): string[][] {
  const byUser = new Map<string, { itemId: string; timestamp: number }[]>();
  for (const event of events) {
    if (!isPositive(event)) continue;
    let list = byUser.get(event.userId);
    if (!list) byUser.set(event.userId, (list = []));
    list.push({ itemId: event.itemId, timestamp: event.timestamp });
  }
  const sequences: string[][] = [];
  for (const list of byUser.values()) {
    list.sort((a, b) => a.timestamp - b.timestamp);
    const seen = new Set<string>();
    const sequence: string[] = [];
    for (const { itemId } of list) {
      if (seen.has(itemId)) continue;
      seen.add(itemId);
      sequence.push(itemId);
    }
    sequences.push(sequence);
  }
  return sequences;
}
