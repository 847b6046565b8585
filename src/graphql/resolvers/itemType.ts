import { EVENT_TYPES, type EventType } from '../../domain/event.js';
import type { ItemStats } from '../../ports/featureStore.js';
import type { ItemResolvers } from '../generated/resolversTypes.js';

export const itemType = {
  // One itemStats batch per request, however many items a page shows.
  stats: async (item, _args, context) => (await context.scope.loaders.itemStats.load(item.id)) ?? noStats(item.id),
} satisfies ItemResolvers;

/** A catalog item nobody has done anything with yet has no stats row: that is zero, not unknown. */
function noStats(itemId: string): ItemStats {
  const counts = Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])) as Record<EventType, number>;
  return { itemId, counts, decayedCounts: counts, ratingSum: 0, ratingCount: 0, positiveUsers: 0, lastEventAt: null };
}
