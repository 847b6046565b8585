import type { ScoredId } from '../domain/candidate.js';
import type { Filter } from '../domain/filter.js';
import type { Item } from '../domain/item.js';

export interface CatalogEntry {
  readonly item: Item;
  /** The dense text vector of the item; length equals the index's dimension. */
  readonly vector: Float32Array;
}

/** An item's collaborative vector: learnt from who liked what (item2vec), not from its text. */
export interface CollaborativeEntry {
  readonly id: string;
  readonly vector: Float32Array;
}

/** One item as stored, everything a rebuild needs: payload, text vector, collaborative vector. */
export interface StoredEntry extends CatalogEntry {
  readonly collaborative: Float32Array | null;
}

export interface SearchOptions {
  readonly limit: number;
  /** Applied inside retrieval: only matching items are ever returned. */
  readonly filter?: Filter;
  /** Ids never to return (seen items, the seed items of a similarity query). */
  readonly excludeIds?: ReadonlySet<string>;
}

/** The two dense vector spaces of the catalog: text embeddings, and collaborative (item2vec) vectors. */
export type VectorSpace = 'text' | 'collaborative';

/** Items to search like (positive) and unlike (negative), by id. */
export interface Examples {
  readonly positive: readonly string[];
  readonly negative?: readonly string[];
}

/** One search of a batch: which index to search, with what, and its options. */
export type RetrievalQuery =
  | { readonly kind: 'dense'; readonly vector: Float32Array; readonly options: SearchOptions }
  | { readonly kind: 'lexical'; readonly text: string; readonly options: SearchOptions }
  | { readonly kind: 'collaborative'; readonly vector: Float32Array; readonly options: SearchOptions }
  | { readonly kind: 'recommend'; readonly space: VectorSpace; readonly examples: Examples; readonly options: SearchOptions };

/**
 * The catalog: payloads, dense vectors and the lexical index of every item, kept together
 * the way a Qdrant collection keeps them. Embedded: SQLite plus an in-memory matrix.
 */
export interface CatalogIndex {
  readonly dimension: number;
  /** Inserts or replaces items by id; atomic per call. */
  upsert(entries: readonly CatalogEntry[]): Promise<void>;
  /** Removes items; returns the ids that existed. */
  delete(ids: readonly string[]): Promise<string[]>;
  /** Items by id, null where unknown, in the order asked (one batch). */
  getItems(ids: readonly string[]): Promise<(Item | null)[]>;
  /** Dense vectors by id, null where unknown, in the order asked (one batch). */
  getVectors(ids: readonly string[]): Promise<(Float32Array | null)[]>;
  /** Nearest items by cosine similarity, best first. */
  searchDense(vector: Float32Array, options: SearchOptions): Promise<ScoredId[]>;
  /** Best BM25 matches of a free-text query over title, text, categories and tags, best first. */
  searchLexical(query: string, options: SearchOptions): Promise<ScoredId[]>;
  /**
   * Replaces every collaborative vector at once with one training run's output: a second vector
   * space beside the text vectors (in Qdrant, a second named vector of the same points). Ids
   * that are not in the catalog are skipped; items without an entry have no collaborative
   * vector afterwards. Returns how many were stored.
   */
  replaceCollaborativeVectors(entries: readonly CollaborativeEntry[]): Promise<number>;
  /** Dimension of the stored collaborative vectors; null while there are none. */
  collaborativeDimension(): Promise<number | null>;
  /** Collaborative vectors by id, null where the item has none, in the order asked (one batch). */
  getCollaborativeVectors(ids: readonly string[]): Promise<(Float32Array | null)[]>;
  /** Nearest items by cosine in the collaborative space, best first; only items that have a collaborative vector. */
  searchCollaborative(vector: Float32Array, options: SearchOptions): Promise<ScoredId[]>;
  /**
   * Items like the positive examples and unlike the negative ones, in one space, by the
   * examples' stored vectors: Qdrant's `recommend` query with the `average_vector` strategy.
   * Each example vector is L2-normalised (as Qdrant stores cosine vectors); the query is
   * `avg(positive)` without negatives, else `2·avg(positive) − avg(negative)`; results are
   * ranked by cosine to it, best first, and never include an example. Refused
   * (BAD_USER_INPUT) without a positive example, or when an example is not in the catalog or
   * has no vector in that space, as Qdrant refuses it.
   */
  recommend(examples: Examples, space: VectorSpace, options: SearchOptions): Promise<ScoredId[]>;
  /**
   * Several searches at once, one hit list per query in the order given, each exactly what
   * the single search returns. One round trip where the store is remote (Qdrant's batch
   * query), so that a request's retrieval sources cost one network wait, not one each.
   */
  searchBatch(queries: readonly RetrievalQuery[]): Promise<ScoredId[][]>;
  /** Ids of items that pass the filter, among those given, in the order given. */
  filterIds(ids: readonly string[], filter: Filter): Promise<string[]>;
  /**
   * How many items the catalog holds. `once`: one attempt, no retries, for a probe that has a
   * deadline of its own (GET /health); stores that never retry ignore it.
   */
  count(options?: { readonly once?: boolean }): Promise<number>;
  /**
   * Every item with its vectors, in batches of at most `batchSize`, in a stable order: for
   * reindexing into another store. Items written during a scan may or may not be seen.
   */
  scan(batchSize: number): AsyncIterable<StoredEntry[]>;
  close(): Promise<void>;
}
