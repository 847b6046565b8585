import type { TimeWindow } from '../../ranking/rankerModel.js';
import type { ExampleSet } from './exampleSet.js';

/** What an example source gives train:ranker: the sets split by time, their windows, and where they came from. */
export interface RankerExamples {
  readonly train: ExampleSet;
  readonly validation: ExampleSet;
  readonly trainingWindow: TimeWindow;
  readonly validationWindow: TimeWindow;
  /** Recorded in the model file's `training.dataSource`. */
  readonly dataSource: string;
}

/** The window from the earliest to the latest of these times (epoch ms). */
export function windowOf(times: Iterable<number>): TimeWindow {
  let from = Infinity;
  let to = -Infinity;
  for (const time of times) {
    from = Math.min(from, time);
    to = Math.max(to, time);
  }
  if (!Number.isFinite(from)) throw new Error('a time window needs at least one time');
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
