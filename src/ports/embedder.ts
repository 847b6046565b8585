/** Turns texts into unit-length vectors. Implementations batch and cache as they see fit. */
export interface Embedder {
  /** The model's id or directory, for explanations and metadata. */
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimension: number;
  /**
   * One L2-normalised vector per text, in order; each call gets arrays of its own. Empty
   * strings are allowed; texts longer than the model's maximum length are truncated, never
   * refused. A text of which the model knows nothing (only zero rows) gets the zero vector,
   * never NaN. An empty list resolves to an empty list without touching the model.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Finishes the work already accepted, then releases the model; later calls reject. */
  close(): Promise<void>;
}
