import type { InteractionEvent } from '../domain/event.js';

/** The append-only record of events that training and evaluation read back. */
export interface EventLog {
  /** Every recorded event in the order it was recorded. */
  scan(): AsyncIterable<InteractionEvent>;
  count(): Promise<number>;
}
