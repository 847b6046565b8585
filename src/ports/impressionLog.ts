/** One result as it was shown. */
export interface ImpressionItem {
  readonly itemId: string;
  /** 0-based position in the whole ranked list (offset + index in the page). */
  readonly position: number;
  /** The score the list was ordered by. */
  readonly score: number;
  /** The feature values the ranker read, by feature name. */
  readonly features: Readonly<Record<string, number>>;
  /** Placed by a pin rule, not by the ranker: training leaves it out. Absent otherwise. */
  readonly pinned?: true;
}

/** A result list the gateway served, kept so that later events (clicks) can be joined to what was shown. */
export interface Impression {
  readonly requestId: string;
  readonly surface: 'search' | 'recommendations' | 'similar_items';
  readonly userId: string | null;
  /** Epoch ms when it was served. */
  readonly timestamp: number;
  readonly modelVersion: string;
  readonly items: readonly ImpressionItem[];
}

/** A span of serving time, epoch ms: `from` inclusive, `to` exclusive; null leaves that end open. */
export interface ImpressionWindow {
  readonly from: number | null;
  readonly to: number | null;
}

/** Where served result lists are logged (a sample of them, by configuration). */
export interface ImpressionLog {
  /** Logs a list once: a request id already logged keeps its first entry. */
  logImpression(impression: Impression): Promise<void>;
  /** The lists of these request ids, in the order asked; null for one never logged (or aged out). One round trip. */
  getImpressions(requestIds: readonly string[]): Promise<(Impression | null)[]>;
  /**
   * The lists served in the window, by time then request id, read a page at a time (training
   * reads them all). A list that ages out while the scan runs may be missed; none comes twice.
   */
  scanImpressions(window: ImpressionWindow): AsyncIterable<Impression>;
}
