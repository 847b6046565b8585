/** Where a candidate came from; `pinned`: a business rule pins it (see addPinnedCandidates). */
export type RetrievalSource = 'dense' | 'lexical' | 'profile' | 'item_similarity' | 'collaborative' | 'popularity' | 'pinned';

/** One source's opinion of one item. */
export interface SourceHit {
  readonly source: RetrievalSource;
  /** The source's own score (cosine, BM25, popularity count). */
  readonly score: number;
  /** 1-based rank within that source's list. */
  readonly rank: number;
}

/** An item id with a raw score, as an index returns it. */
export interface ScoredId {
  readonly id: string;
  readonly score: number;
}

/** A retrieved item after fusion, before ranking. */
export interface Candidate {
  readonly itemId: string;
  /** Reciprocal-rank-fusion score over all sources. */
  readonly fusedScore: number;
  readonly hits: readonly SourceHit[];
}
