/**
 * Labelled ranking examples: one group per request (a user at a point in time), one row per
 * candidate the pipeline retrieved for it, with the features the serving path computed and a
 * 0/1 label. Rows hold the features in `featureNames` order.
 */
export interface ExampleGroup {
  /** What the group is: a user id at a cutoff, or a logged request id. */
  readonly id: string;
  readonly itemIds: readonly string[];
  readonly rows: readonly Float64Array[];
  readonly labels: Uint8Array;
}

export interface ExampleSet {
  readonly featureNames: readonly string[];
  readonly groups: readonly ExampleGroup[];
}

export interface ExampleCounts {
  readonly groups: number;
  readonly examples: number;
  readonly positives: number;
}

export function countExamples(set: ExampleSet): ExampleCounts {
  let examples = 0;
  let positives = 0;
  for (const group of set.groups) {
    examples += group.labels.length;
    for (const label of group.labels) positives += label;
  }
  return { groups: set.groups.length, examples, positives };
}
