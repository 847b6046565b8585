import type { EventType } from '../domain/event.js';
import type { Filter } from '../domain/filter.js';
import type { Item } from '../domain/item.js';
import type { RankedItem } from '../domain/scoredItem.js';

/** Which slice of the ranked list to return. */
export interface PageWindow {
  /** 0-based position of the first result to return. */
  readonly offset: number;
  /** How many results to return (already capped by the API layer). */
  readonly first: number;
}

export interface SearchRequest extends PageWindow {
  readonly query: string;
  readonly filter: Filter | null;
  readonly userId: string | null;
  /** 0..1; null: the configured default. */
  readonly diversity: number | null;
}

export interface RecommendRequest extends PageWindow {
  readonly userId: string | null;
  readonly itemIds: readonly string[];
  readonly filter: Filter | null;
  readonly diversity: number | null;
}

export interface SimilarRequest extends PageWindow {
  readonly itemId: string;
  readonly filter: Filter | null;
}

/** Milliseconds spent per pipeline stage. */
export type StageTimings = Readonly<Record<string, number>>;

/** One page of a ranked result list. */
export interface ResultPage {
  readonly requestId: string;
  /** The page, in final order. */
  readonly items: readonly RankedItem[];
  /** Offset of `items[0]` in the whole ranked list. */
  readonly offset: number;
  /** Length of the whole ranked list. */
  readonly total: number;
  readonly modelVersion: string;
  /** Degradations the caller should know about (a stage that failed and was skipped). */
  readonly warnings: readonly string[];
  readonly timings: StageTimings;
}

/** An item as a client or a file gives it: the catalog stamps `createdAt`. */
export type ItemInput = Omit<Item, 'createdAt'>;

export interface EventInput {
  /** null: derived from the other fields so that a retried batch counts once. */
  readonly id: string | null;
  readonly type: EventType;
  readonly userId: string;
  readonly itemId: string;
  /** Epoch ms; null: now. */
  readonly timestamp: number | null;
  readonly value: number | null;
  readonly requestId: string | null;
}

/** `failed`: valid, but the feature store could not be written; nothing of the batch was recorded and a retry is safe. */
export type EventStatus = 'accepted' | 'duplicate' | 'rejected' | 'failed';

export interface EventOutcome {
  readonly index: number;
  /** null for an event rejected before it had an id (none given, fields too broken to derive one). */
  readonly eventId: string | null;
  readonly status: EventStatus;
  readonly reason: string | null;
}
