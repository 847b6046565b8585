import { cp, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureBuiltinModel } from '../../src/adapters/transformers/builtinModel.js';
import { TEST_MODEL_CACHE } from './embeddingTestConfig.js';

/** A text whose token has no row in the mismatched model's table. */
export const POISON_WORD = 'quasar';

/**
 * A copy of the builtin model whose tokenizer knows one word more than its table has rows:
 * what a tokenizer and table written out of step look like. The real ONNX Gather fails on
 * every batch containing POISON_WORD and works on every other batch. Made once in the test
 * cache and shared by the suites.
 */
export async function mismatchedModel(): Promise<string> {
  const source = await ensureBuiltinModel(TEST_MODEL_CACHE, 384);
  const directory = path.join(TEST_MODEL_CACHE, `mismatched-${path.basename(source)}`);
  if (await stat(directory).catch(() => null)) return directory;
  const staging = await mkdtemp(`${directory}.tmp-`);
  await cp(source, staging, { recursive: true });
  const file = path.join(staging, 'tokenizer.json');
  const tokenizer = JSON.parse(await readFile(file, 'utf8')) as { model: { vocab: Record<string, number> } };
  tokenizer.model.vocab[POISON_WORD] = Object.keys(tokenizer.model.vocab).length;
  await writeFile(file, JSON.stringify(tokenizer));
  // Suites run in parallel workers: whoever renames first wins, the others drop their copy.
  await rename(staging, directory).catch(() => rm(staging, { recursive: true, force: true }));
  return directory;
}
