/**
 * One request to learn from, before features: who asked, which items they were shown (null:
 * the whole candidate pool the pipeline retrieves for them) and which of those they engaged
 * with. Both example sources produce these: MovieLens ratings over a period
 * (ratingLabels) and logged impressions joined with what followed them (impressionLabels).
 */
export interface LabelledRequest {
  /** The request's id: a logged requestId, or the user id for a period of ratings. */
  readonly id: string;
  readonly userId: string;
  /** The items shown; null: every candidate the pipeline retrieves. */
  readonly shown: ReadonlySet<string> | null;
  readonly positives: ReadonlySet<string>;
}
