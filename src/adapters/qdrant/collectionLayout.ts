import type { QdrantConfig } from '../../config/config.js';

/** Names of the point's vectors: the text embedding, BM25 term weights, item2vec. */
export const TEXT_VECTOR = 'text';
export const LEXICAL_VECTOR = 'bm25';
export const COLLABORATIVE_VECTOR = 'collaborative';

/** Payload indexes for every field a filter can name, plus createdAt for time ranges. */
export const PAYLOAD_INDEXES = [
  { field_name: 'id', field_schema: 'keyword' },
  { field_name: 'categories', field_schema: 'keyword' },
  { field_name: 'tags', field_schema: 'keyword' },
  { field_name: 'year', field_schema: 'integer' },
  { field_name: 'createdAt', field_schema: 'integer' },
] as const;

/** What the gateway records in the collection's metadata, to recognise its own data. */
export interface CollectionMeta {
  readonly schemaVersion: 1;
  readonly modelId: string;
}

export type LayoutOptions = Pick<QdrantConfig, 'hnswM' | 'hnswEfConstruct' | 'onDisk' | 'quantization'>;

/**
 * The create_collection body: a cosine text vector of the embedder's dimension, a sparse
 * BM25 vector whose IDF Qdrant computes from the collection, and the HNSW, on-disk and
 * quantization choices of the configuration. The collaborative vector is added later by the
 * training run that knows its dimension. (The client's createCollection drops `metadata`,
 * so the CollectionMeta is set by update_collection right after.)
 */
export function collectionLayout(dimension: number, options: LayoutOptions) {
  return {
    vectors: { [TEXT_VECTOR]: { size: dimension, distance: 'Cosine' as const, on_disk: options.onDisk } },
    sparse_vectors: { [LEXICAL_VECTOR]: { modifier: 'idf' as const } },
    hnsw_config: { m: options.hnswM, ef_construct: options.hnswEfConstruct },
    on_disk_payload: options.onDisk,
    ...(options.quantization === 'scalar' ? { quantization_config: { scalar: { type: 'int8' as const } } } : {}),
    ...(options.quantization === 'binary' ? { quantization_config: { binary: {} } } : {}),
  };
}
