import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadTransformersEmbedder } from '../../src/adapters/transformers/loadTransformersEmbedder.js';
import { trainedTokenEmbeddingModel } from '../../src/adapters/transformers/trainedTokenEmbeddingModel.js';
import { wordPieceTokens } from '../../src/adapters/transformers/wordPieceTokens.js';
import { writeModelDirectory } from '../../src/adapters/transformers/writeModelDirectory.js';
import type { Embedder } from '../../src/ports/embedder.js';
import { cosine } from '../../src/features/cosine.js';
import { syntheticClusters } from '../training/syntheticClusters.js';
import { embeddingTestConfig } from './embeddingTestConfig.js';

/** Two topics that never share a document: flight words and steam words. */
const TOPICS = [
  ['wing', 'airfoil', 'lift', 'flap', 'aileron'],
  ['boiler', 'steam', 'valve', 'piston', 'furnace'],
];

function corpus(): string[] {
  return syntheticClusters(2, 5, 150, 3).map((sequence) => sequence.map((token) => TOPICS[Number(token[1])]![Number(token[3])]!).join(' '));
}

describe('the domain text model: word2vec over the corpus, written as a transformers.js model', () => {
  let scratch: string;
  let embedder: Embedder;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'text-model-'));
    const trained = trainedTokenEmbeddingModel(corpus(), {
      vocabularySize: 200,
      identityShare: 0.3,
      trainer: { dimension: 32, window: 4, epochs: 5, minCount: 1, subsample: 0, seed: 5 },
    });
    expect(trained.trainedTokens).toBe(10);
    await writeModelDirectory(scratch, trained.model);
    embedder = await loadTransformersEmbedder(embeddingTestConfig({ EMBEDDING_MODEL: scratch, EMBEDDING_QUANTIZED: 'false' }));
  }, 60_000);

  afterAll(async () => {
    await embedder?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('loads in transformers.js and embeds texts that share no word close when their words share a topic', async () => {
    const [wing, airfoil, steam, flight, boilers] = await embedder.embed(['wing', 'airfoil', 'steam', 'lift and flap', 'boiler furnace']);
    expect(embedder.dimension).toBe(32);
    expect(cosine(wing!, airfoil!)).toBeGreaterThan(0.5);
    expect(cosine(wing!, steam!)).toBeLessThan(0.2);
    expect(cosine(wing!, flight!)).toBeGreaterThan(cosine(wing!, boilers!) + 0.4);
  });

  it('keeps a word closest to itself: the identity share preserves exact matches', async () => {
    const [wing, wingAgain, airfoil] = await embedder.embed(['wing', 'Wing!', 'airfoil']);
    expect(cosine(wing!, wingAgain!)).toBeGreaterThan(cosine(wing!, airfoil!));
  });

  it('records how it was trained in config.json', async () => {
    const config = JSON.parse(await readFile(path.join(scratch, 'config.json'), 'utf8'));
    expect(config.recsys_gateway).toMatchObject({ identityShare: 0.3, documents: 300, trainedTokens: 10, trainer: { dimension: 32, seed: 5 } });
  });
});

describe('wordPieceTokens', () => {
  it('splits words greedily into a start and ## continuations, [UNK] where it cannot', () => {
    const vocabulary = new Set(['[UNK]', 'run', '##ner', '##s', 'wing', ',', 'x']);
    expect(wordPieceTokens('Runners, wing zzz', vocabulary)).toEqual(['run', '##ner', '##s', ',', 'wing', '[UNK]']);
  });
});
