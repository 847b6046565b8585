/** Turns texts into unit-length vectors. Implementations batch and cache as they see fit. */
export interface Embedder {
  /** The model's id or directory, for explanations and metadata. */
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. Empty strings are allowed. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Releases the model and any pending work. */
  close(): Promise<void>;
}
