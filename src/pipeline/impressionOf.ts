import type { Impression } from '../ports/impressionLog.js';
import type { ResultPage } from './requests.js';

/**
 * Whether a request's list is in the logged sample: decided by its id (a random UUID), so the
 * choice needs no random source here and the same id always gets the same answer.
 */
export function inImpressionSample(requestId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  const bits = Number.parseInt(requestId.replace(/-/g, '').slice(0, 8), 16);
  return Number.isFinite(bits) && bits / 2 ** 32 < rate;
}

/** The page as the impression log keeps it: positions, final scores and the feature values the ranker read. */
export function impressionOf(page: ResultPage, surface: Impression['surface'], userId: string | null, timestamp: number): Impression {
  return {
    requestId: page.requestId,
    surface,
    userId,
    timestamp,
    modelVersion: page.modelVersion,
    items: page.items.map((item, index) => ({
      itemId: item.itemId,
      position: page.offset + index,
      score: item.finalScore,
      features: Object.fromEntries(item.contributions.map((c) => [c.name, c.value])),
      ...(item.pinned ? { pinned: true as const } : {}),
    })),
  };
}
