/** One MovieLens rating as read from ratings.csv. */
export interface Rating {
  readonly userId: string;
  readonly itemId: string;
  /** 0.5 to 5 stars. */
  readonly value: number;
  /** Unix seconds, as in the file. */
  readonly timestamp: number;
}
