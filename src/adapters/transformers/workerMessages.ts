/** Messages from the gateway to the embedder worker. */
export type ToWorker = { readonly type: 'embed'; readonly id: number; readonly texts: readonly string[] } | { readonly type: 'close' };

/** Messages from the embedder worker to the gateway. */
export type FromWorker =
  | { readonly type: 'ready'; readonly modelId: string; readonly dimension: number; readonly maxLength: number }
  | { readonly type: 'load-failed'; readonly message: string; readonly model: string; readonly searched: string[] }
  | { readonly type: 'model-call'; readonly texts: string[] }
  | { readonly type: 'vectors'; readonly id: number; readonly vectors: Float32Array[] }
  | { readonly type: 'failed'; readonly id: number; readonly name: string; readonly message: string }
  | { readonly type: 'closed' };
