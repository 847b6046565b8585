import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export const { DataType } = onnx.TensorProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;

// Opset 13 / IR 7 load in every onnxruntime from 1.8 on, including the 1.14 that
// @xenova/transformers 2.x bundles.
const OPSET = 13;
const IR_VERSION = 7;

/** BERT's three int64 [batch, sequence] inputs, in the order transformers.js feeds them. */
export const BERT_INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'] as const;

/** Encodes a model whose graph maps BERT's inputs to `last_hidden_state` [batch, sequence, dimension]. */
export function encodeBertShapedModel(name: string, nodes: NodeProto[], initializers: TensorProto[], dimension: number): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'recsys-gateway',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name,
      node: nodes,
      initializer: initializers,
      input: BERT_INPUTS.map((input) => valueInfo(input, DataType.INT64, ['batch_size', 'sequence_length'])),
      output: [valueInfo('last_hidden_state', DataType.FLOAT, ['batch_size', 'sequence_length', dimension])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

export function node(opType: string, input: string[], output: string, attributes: Record<string, number | number[]> = {}): NodeProto {
  return {
    opType,
    name: output,
    input,
    output: [output],
    attribute: Object.entries(attributes).map(([name, value]) =>
      Array.isArray(value)
        ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value }
        : { name, type: onnx.AttributeProto.AttributeType.INT, i: value },
    ),
  };
}

export function floatTensor(name: string, dims: number[], values: Float32Array): TensorProto {
  return { name, dataType: DataType.FLOAT, dims, rawData: float32Bytes(values) };
}

export function int8Tensor(name: string, dims: number[], values: Int8Array): TensorProto {
  return { name, dataType: DataType.INT8, dims, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

export function int64Tensor(name: string, values: number[]): TensorProto {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setBigInt64(i * 8, BigInt(value), true));
  return { name, dataType: DataType.INT64, dims: [values.length], rawData: bytes };
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
  for (let i = 0; i < values.length; i += 1) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}
