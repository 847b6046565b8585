import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

export interface EmbeddingGraphOptions {
  readonly vocabularySize: number;
  readonly dimension: number;
  /**
   * Store the table as int8 with one scale per row (a quarter of the size). The lookup
   * gathers the int8 rows first and dequantizes only those, never the whole table.
   */
  readonly quantized: boolean;
}

// Opset 13 / IR 7 load in every onnxruntime from 1.8 on, including the 1.14 that
// @xenova/transformers 2.x bundles.
const OPSET = 13;
const IR_VERSION = 7;

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
    : fullPrecisionLookup(table, vocabularySize, dimension);

  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'recsys-gateway',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name: 'token_embedding_lookup',
      node: nodes,
      initializer: initializers,
      input: [
        valueInfo('input_ids', DataType.INT64, ['batch_size', 'sequence_length']),
        valueInfo('attention_mask', DataType.INT64, ['batch_size', 'sequence_length']),
        valueInfo('token_type_ids', DataType.INT64, ['batch_size', 'sequence_length']),
      ],
      output: [valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'sequence_length', dimension])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

type Graph = { nodes: onnxProto.onnx.INodeProto[]; initializers: onnxProto.onnx.ITensorProto[] };

function fullPrecisionLookup(table: Float32Array, vocabularySize: number, dimension: number): Graph {
  return {
    initializers: [tensor('embeddings', DataType.FLOAT, [vocabularySize, dimension], float32Bytes(table))],
    nodes: [gather('embeddings', 'last_hidden_state')],
  };
}

function quantizedLookup(table: Float32Array, vocabularySize: number, dimension: number): Graph {
  const values = new Int8Array(table.length);
  const scales = new Float32Array(vocabularySize);
  for (let row = 0; row < vocabularySize; row += 1) {
    let largest = 0;
    for (let i = row * dimension; i < (row + 1) * dimension; i += 1) largest = Math.max(largest, Math.abs(table[i] ?? 0));
    const scale = largest / 127;
    scales[row] = scale;
    if (scale === 0) continue;
    for (let i = row * dimension; i < (row + 1) * dimension; i += 1) values[i] = Math.round((table[i] ?? 0) / scale);
  }
  return {
    initializers: [
      tensor('embeddings_int8', DataType.INT8, [vocabularySize, dimension], new Uint8Array(values.buffer)),
      tensor('embeddings_scale', DataType.FLOAT, [vocabularySize], float32Bytes(scales)),
      tensor('last_axis', DataType.INT64, [1], int64Bytes([-1])),
    ],
    nodes: [
      gather('embeddings_int8', 'token_int8'),
      { opType: 'Cast', input: ['token_int8'], output: ['token_values'], attribute: [intAttribute('to', DataType.FLOAT)] },
      gather('embeddings_scale', 'token_scale'),
      { opType: 'Unsqueeze', input: ['token_scale', 'last_axis'], output: ['token_scale_column'] },
      { opType: 'Mul', input: ['token_values', 'token_scale_column'], output: ['last_hidden_state'] },
    ],
  };
}

function gather(table: string, output: string): onnxProto.onnx.INodeProto {
  return { opType: 'Gather', name: `gather_${table}`, input: [table, 'input_ids'], output: [output], attribute: [intAttribute('axis', 0)] };
}

function intAttribute(name: string, value: number): onnxProto.onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

function tensor(name: string, dataType: number, dims: number[], rawData: Uint8Array): onnxProto.onnx.ITensorProto {
  return { name, dataType, dims, rawData };
}

function valueInfo(name: string, elemType: number, shape: (number | string)[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: shape.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) },
      },
    },
  };
}

// ONNX raw_data is little-endian whatever the host is.
function float32Bytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i += 1) view.setFloat32(i * 4, values[i] ?? 0, true);
  return bytes;
}

function int64Bytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setBigInt64(i * 8, BigInt(value), true));
  return bytes;
}
