import { EVENT_TYPES } from '../../domain/event.js';
import type { ItemStatsResolvers } from '../generated/resolversTypes.js';

export const itemStatsType = {
  ratingMean: (stats) => (stats.ratingCount > 0 ? stats.ratingSum / stats.ratingCount : null),
  eventCount: (stats) => EVENT_TYPES.reduce((sum, type) => sum + (stats.counts[type] ?? 0), 0),
} satisfies ItemStatsResolvers;
