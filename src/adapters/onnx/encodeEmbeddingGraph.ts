import { DataType, encodeBertShapedModel, floatTensor, int64Tensor, int8Tensor, node, type NodeProto, type TensorProto } from './onnxGraphParts.js';

export interface EmbeddingGraphOptions {
  readonly vocabularySize: number;
  readonly dimension: number;
  /**
   * Store the table as int8 with one scale per row (a quarter of the size). The lookup
   * gathers the int8 rows first and dequantizes only those, never the whole table.
   */
  readonly quantized: boolean;
}

/**
 * Encodes a BERT-shaped ONNX model whose `last_hidden_state` is a lookup of `input_ids` in a
 * token-embedding table: inputs input_ids, attention_mask, token_type_ids (int64,
 * [batch, sequence]); output last_hidden_state (float, [batch, sequence, dimension]).
 * attention_mask and token_type_ids are declared but unused: transformers.js feeds what the
 * session declares, and mean pooling applies the mask itself.
 */
export function encodeEmbeddingGraph(table: Float32Array, options: EmbeddingGraphOptions): Uint8Array {
  const { vocabularySize, dimension } = options;
  if (!Number.isInteger(dimension) || dimension < 1) {
    throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
  }
  if (table.length !== vocabularySize * dimension) {
    throw new RangeError(
      `table must hold vocabularySize × dimension = ${vocabularySize} × ${dimension} = ${vocabularySize * dimension} floats, got ${table.length}`,
    );
  }
  const { nodes, initializers } = options.quantized
    ? quantizedLookup(table, vocabularySize, dimension)
    : { initializers: [floatTensor('embeddings', [vocabularySize, dimension], table)], nodes: [gather('embeddings', 'last_hidden_state')] };
  return encodeBertShapedModel('token_embedding_lookup', nodes, initializers, dimension);
}

function quantizedLookup(table: Float32Array, vocabularySize: number, dimension: number): { nodes: NodeProto[]; initializers: TensorProto[] } {
  const values = new Int8Array(table.length);
  const scales = new Float32Array(vocabularySize);
  for (let row = 0; row < vocabularySize; row += 1) {
    let largest = 0;
    for (let i = row * dimension; i < (row + 1) * dimension; i += 1) largest = Math.max(largest, Math.abs(table[i]!));
    const scale = largest / 127;
    scales[row] = scale;
    if (scale === 0) continue;
    for (let i = row * dimension; i < (row + 1) * dimension; i += 1) values[i] = Math.round(table[i]! / scale);
  }
  return {
    initializers: [
      int8Tensor('embeddings_int8', [vocabularySize, dimension], values),
      floatTensor('embeddings_scale', [vocabularySize], scales),
      int64Tensor('last_axis', [-1]),
    ],
    nodes: [
      gather('embeddings_int8', 'token_int8'),
      node('Cast', ['token_int8'], 'token_values', { to: DataType.FLOAT }),
      gather('embeddings_scale', 'token_scale'),
      node('Unsqueeze', ['token_scale', 'last_axis'], 'token_scale_column'),
      node('Mul', ['token_values', 'token_scale_column'], 'last_hidden_state'),
    ],
  };
}

function gather(table: string, output: string): NodeProto {
  return node('Gather', [table, 'input_ids'], output, { axis: 0 });
}
