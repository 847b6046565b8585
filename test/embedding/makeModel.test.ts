import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadTransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { dot, embeddingTestConfig } from './embeddingTestConfig.js';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

describe('npm run model:make', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'make-model-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('builds a model from a corpus that embeds its words', async () => {
    const corpus = path.join(scratch, 'corpus.txt');
    await writeFile(corpus, 'supersonic flow over a wedge\nboundary layer transition\nsupersonic wedge flow\n');
    const out = path.join(scratch, 'model');
    const { stdout } = await run(tsx, ['src/cli/makeModel.ts', '--out', out, '--corpus', corpus, '--dim', '32', '--vocab-size', '300', '--seed', '3']);
    // A three-line corpus has fewer words and pieces than the size allows: 5 special tokens, 104 alphabet tokens, 7 words, 21 pieces.
    expect(stdout).toMatch(new RegExp(`^wrote ${out}: 137 tokens × 32 dimensions, seed 3, in \\d+\\.\\d s\\n$`));
    const tokenizer = JSON.parse(await readFile(path.join(out, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.model.vocab).toMatchObject({ supersonic: expect.any(Number), wedge: expect.any(Number), boundary: expect.any(Number) });

    const embedder = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: out }));
    const [query, match, other] = await embedder.embed(['supersonic wedge', 'flow over a supersonic wedge', 'boundary layer']);
    expect(dot(query!, match!)).toBeGreaterThan(dot(query!, other!) + 0.3);
    await embedder.close();
  });

  it('explains its options and rejects bad ones', async () => {
    const { stdout } = await run(tsx, ['src/cli/makeModel.ts', '--help']);
    expect(stdout).toContain('Usage: npm run model:make -- [options]');
    await expect(run(tsx, ['src/cli/makeModel.ts', '--out', scratch, '--dim', 'wide'])).rejects.toMatchObject({
      code: 2,
      stderr: 'model:make: --dim must be an integer from 1 to 8192, got "wide"\nRun with --help for the options.\n',
    });
  });
});
