/** What a person did with an item. */
export type EventType = 'view' | 'click' | 'add_to_cart' | 'purchase' | 'rating' | 'impression';

export const EVENT_TYPES: readonly EventType[] = [
  'view',
  'click',
  'add_to_cart',
  'purchase',
  'rating',
  'impression',
];

export interface InteractionEvent {
  /** Idempotency key: an event recorded twice counts once. */
  readonly id: string;
  readonly type: EventType;
  readonly userId: string;
  readonly itemId: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  /** The rating for `rating` events (0.5–5 for MovieLens); null otherwise. */
  readonly value: number | null;
  /** The result list that the event came from, when it came from one. */
  readonly requestId: string | null;
}

/** A rating at or above this counts as a positive interaction (MovieLens convention). */
export const POSITIVE_RATING = 4;

/** Whether an event says the person liked the item, for profiles and training labels. */
export function isPositive(event: Pick<InteractionEvent, 'type' | 'value'>): boolean {
  switch (event.type) {
    case 'rating':
      return (event.value ?? 0) >= POSITIVE_RATING;
    case 'click':
    case 'add_to_cart':
    case 'purchase':
      return true;
    case 'view':
    case 'impression':
      return false;
  }
}
