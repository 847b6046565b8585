import path from 'node:path';
import type { EmbeddingConfig } from '../../config/config.js';
import { BUILTIN_MODEL, builtinModelDirectory } from './builtinModel.js';

/** Where a configured model comes from, and the places that count as "where it looked". */
export type ModelSource =
  | { readonly kind: 'builtin'; readonly directory: string }
  | { readonly kind: 'directory'; readonly directory: string }
  | { readonly kind: 'hub'; readonly id: string; readonly cachedDirectory: string };

export function resolveModelSource(config: EmbeddingConfig): ModelSource {
  if (config.model === BUILTIN_MODEL) {
    return { kind: 'builtin', directory: builtinModelDirectory(config.cacheDir, config.builtinDimension) };
  }
  if (config.model.startsWith('.') || path.isAbsolute(config.model)) {
    return { kind: 'directory', directory: path.resolve(config.model) };
  }
  // transformers.js caches a hub model as <cacheDir>/<owner>/<name>/<file>.
  return { kind: 'hub', id: config.model, cachedDirectory: path.join(config.cacheDir, config.model) };
}

/** The files transformers.js needs to run a feature-extraction pipeline from a directory. */
export function requiredModelFiles(quantized: boolean): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/model${quantized ? '_quantized' : ''}.onnx`];
}
