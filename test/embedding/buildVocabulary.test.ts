import { describe, expect, it } from '@jest/globals';
import { AutoTokenizer, env } from '@xenova/transformers';
import { bertWords } from '../../src/adapters/transformers/bertWords.js';
import { ensureBuiltinModel } from '../../src/adapters/transformers/builtinModel.js';
import { buildVocabulary } from '../../src/adapters/transformers/buildVocabulary.js';
import { TEST_MODEL_CACHE } from './embeddingTestConfig.js';

describe('buildVocabulary', () => {
  it('builds the builtin vocabulary from the English word list: specials, alphabet, words, pieces', () => {
    const { tokens, weights } = buildVocabulary({ corpus: null, size: 8000 });
    expect(tokens.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(Array.from(weights.slice(0, 5))).toEqual([0, 0.1, 0.05, 0.05, 0].map(Math.fround));
    expect(tokens).toHaveLength(4927);
    expect(tokens).toEqual(expect.arrayContaining(['apple', 'runner', '##s', '##ing', 'a', '##a', '!']));
    const weightOf = (token: string) => weights[tokens.indexOf(token)];
    expect(weightOf('the')).toBeCloseTo(0.2, 6);
    expect(weightOf('apple')).toBe(1);
    expect(weightOf('##ing')).toBeCloseTo(0.4, 6);
    expect(weightOf('!')).toBeCloseTo(0.1, 6);
  });

  it('takes words by frequency from a corpus and weights them by inverse document frequency', () => {
    const corpus = ['The cat sat.', 'The dog ran!', 'The cat ran.', 'A bird flew.'];
    const { tokens, weights } = buildVocabulary({ corpus, size: 200 });
    const weightOf = (token: string) => weights[tokens.indexOf(token)] ?? Number.NaN;
    const words = tokens.filter((token) => /^[a-z]{2,}$/.test(token));
    expect(words.slice(0, 4)).toEqual(['the', 'cat', 'ran', 'bird']);
    expect(weightOf('bird')).toBe(1);
    expect(weightOf('the')).toBeLessThan(weightOf('cat'));
    expect(weightOf('cat')).toBeLessThan(weightOf('bird'));
  });

  it('never exceeds the size it is given, and refuses sizes too small for the alphabet', () => {
    expect(buildVocabulary({ corpus: null, size: 300 }).tokens).toHaveLength(300);
    expect(() => buildVocabulary({ corpus: null, size: 10 })).toThrow('vocabulary size must be an integer of at least 128, got 10');
  });

  it('cuts text the way the BERT tokenizer does', () => {
    expect(bertWords('Café au LAIT, naïve?\tYES…  東京')).toEqual(['cafe', 'au', 'lait', ',', 'naive', '?', 'yes', '…', '東', '京']);
  });

  it('writes a WordPiece tokenizer.json that transformers.js reads as BERT does', async () => {
    const directory = await ensureBuiltinModel(TEST_MODEL_CACHE, 384);
    env.allowRemoteModels = false;
    env.localModelPath = '/';
    const tokenizer = await AutoTokenizer.from_pretrained(directory);
    const { tokens } = buildVocabulary({ corpus: null, size: 8000 });
    const ids: number[] = tokenizer.encode('The running runners ate apples, quickly! Zyx 1995 Café 🙂');
    expect(ids.map((id) => tokens[id])).toEqual([
      '[CLS]', 'the', 'running', 'runner', '##s', 'ate', 'apple', '##s', ',', 'quickly', '!',
      'z', '##y', '##x', '1', '##9', '##9', '##5', 'ca', '##fe', '[UNK]', '[SEP]',
    ]);
  });
});
