import { seededGaussian } from './seededGaussian.js';
import { encodeBertShapedModel, floatTensor, node, type NodeProto, type TensorProto } from './onnxGraphParts.js';

export interface EncoderCostGraphOptions {
  readonly vocabularySize: number;
  /** Hidden size (384 for all-MiniLM-L6-v2). */
  readonly dimension: number;
  /** Encoder layers (6 for all-MiniLM-L6-v2). */
  readonly layers: number;
  /** Feed-forward width (1536 for all-MiniLM-L6-v2). */
  readonly feedForward: number;
  readonly seed: number;
}

/**
 * A random-weight transformer encoder with the dense compute of a BERT-style model of the
 * given sizes: per layer, Q/K/V/output projections, sequence × sequence attention and the
 * feed-forward block, with residuals. It says nothing about text; it exists to measure how long
 * a real encoder of that size holds the CPU (and the event loop) on this machine, where no
 * pretrained weights can be downloaded. One attention head of full width has the same
 * multiply-adds as 12 heads of 32; layer norms, biases and GELU, a few percent of the work, are left out.
 */
export function encodeEncoderCostGraph(options: EncoderCostGraphOptions): Uint8Array {
  const { vocabularySize, dimension, layers, feedForward, seed } = options;
  const random = seededGaussian(seed, 'encoder-cost-graph');
  const matrix = (rows: number, columns: number): Float32Array => {
    const scale = 1 / Math.sqrt(rows);
    return Float32Array.from({ length: rows * columns }, () => random() * scale);
  };
  const initializers: TensorProto[] = [
    floatTensor('embeddings', [vocabularySize, dimension], matrix(vocabularySize, dimension)),
    floatTensor('attention_scale', [1], Float32Array.of(1 / Math.sqrt(dimension))),
  ];
  const nodes: NodeProto[] = [node('Gather', ['embeddings', 'input_ids'], 'x0', { axis: 0 })];
  let x = 'x0';
  for (let layer = 0; layer < layers; layer += 1) {
    const name = (part: string) => `l${layer}_${part}`;
    for (const [part, rows, columns] of [['wq', dimension, dimension], ['wk', dimension, dimension], ['wv', dimension, dimension], ['wo', dimension, dimension], ['w1', dimension, feedForward], ['w2', feedForward, dimension]] as const) {
      initializers.push(floatTensor(name(part), [rows, columns], matrix(rows, columns)));
    }
    const output = layer === layers - 1 ? 'last_hidden_state' : name('out');
    nodes.push(
      node('MatMul', [x, name('wq')], name('q')),
      node('MatMul', [x, name('wk')], name('k')),
      node('MatMul', [x, name('wv')], name('v')),
      node('Transpose', [name('k')], name('kt'), { perm: [0, 2, 1] }),
      node('MatMul', [name('q'), name('kt')], name('scores')),
      node('Mul', [name('scores'), 'attention_scale'], name('scaled')),
      node('Softmax', [name('scaled')], name('weights'), { axis: -1 }),
      node('MatMul', [name('weights'), name('v')], name('context')),
      node('MatMul', [name('context'), name('wo')], name('projected')),
      node('Add', [x, name('projected')], name('attended')),
      node('MatMul', [name('attended'), name('w1')], name('up')),
      node('Relu', [name('up')], name('activated')),
      node('MatMul', [name('activated'), name('w2')], name('down')),
      node('Add', [name('attended'), name('down')], output),
    );
    x = output;
  }
  return encodeBertShapedModel('encoder_cost', nodes, initializers, dimension);
}
