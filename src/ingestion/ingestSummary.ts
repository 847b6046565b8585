import type { EventIngestSummary } from './ingestEvents.js';
import type { ItemIngestSummary } from './ingestItems.js';

/** What a whole run did. */
export interface IngestSummary {
  readonly items: ItemIngestSummary;
  readonly events: EventIngestSummary;
  /** Wall-clock time of the run. */
  readonly seconds: number;
  /** Of the item stage alone (reading, embedding, writing). */
  readonly itemSeconds: number;
  /** Of the event stage alone. */
  readonly eventSeconds: number;
}

export const NO_ITEMS: ItemIngestSummary = { ok: 0, unchanged: 0, bad: 0 };
export const NO_EVENTS: EventIngestSummary = { accepted: 0, duplicate: 0, rejected: 0, unknownItem: 0 };
