import { isPositive, type InteractionEvent } from '../domain/event.js';
import { decayWeight, HALF_LIVES } from './forwardDecay.js';

/** What one event adds to the stored aggregates; both feature stores write exactly this. */
export interface EventContribution {
  readonly positive: boolean;
  /** The rating, for a rating event with a value; null otherwise. */
  readonly rating: number | null;
  /** Added to the item's decayed count of the event's type. */
  readonly interactionWeight: number;
  /** Per distinct category of the item, for a positive event: 1/n and its decayed weight / n. */
  readonly categories: readonly { readonly category: string; readonly share: number; readonly decayedShare: number }[];
}

/**
 * The one definition of how an event feeds the aggregates, used by the SQLite transaction, the
 * Redis script's arguments and therefore by the batch recompute too. Pure.
 */
export function eventContribution(event: InteractionEvent, itemCategories: readonly string[]): EventContribution {
  const positive = isPositive(event);
  const distinct = positive ? [...new Set(itemCategories)] : [];
  const categoryWeight = decayWeight(event.timestamp, HALF_LIVES.userCategories);
  return {
    positive,
    rating: event.type === 'rating' && event.value !== null ? event.value : null,
    interactionWeight: decayWeight(event.timestamp, HALF_LIVES.itemInteractions),
    categories: distinct.map((category) => ({ category, share: 1 / distinct.length, decayedShare: categoryWeight / distinct.length })),
  };
}
