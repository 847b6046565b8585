import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Filter } from '../../src/domain/filter.js';
import { compileFilter } from '../../src/domain/matchesFilter.js';
import type { CatalogEntry, CatalogIndex } from '../../src/ports/catalogIndex.js';
import { entry, FILMS, item } from './support/catalogFixture.js';
import { randomUnitVector, seededRandom } from './support/seededRandom.js';

/**
 * What every CatalogIndex adapter must do, whatever stores it: one suite, run against each
 * adapter (the design's rule), so that the embedded mode and Qdrant give the same answers.
 */
export function describeCatalogIndex(name: string, open: (dimension: number) => Promise<CatalogIndex> | CatalogIndex): void {
  describe(`${name}: CatalogIndex behaviour`, () => {
    let index: CatalogIndex;

    beforeEach(async () => {
      index = await open(4);
      await index.upsert(FILMS);
    });

    afterEach(async () => {
      await index.close();
    });

    const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id);

    describe('payloads and vectors', () => {
      it('returns items in the order asked, null for unknown ids, repeats included', async () => {
        const found = await index.getItems(['heat', 'nope', 'toy-story', 'heat']);
        expect(found).toEqual([FILMS[3]!.item, null, FILMS[0]!.item, FILMS[3]!.item]);
        expect(await index.getItems([])).toEqual([]);
      });

      it('returns vectors in the order asked, null for unknown ids', async () => {
        const [matrix, none, toyStory2] = await index.getVectors(['matrix', 'nope', 'toy-story-2']);
        expect(Array.from(matrix!)).toEqual([0, 0, 1, 0]);
        expect(none).toBeNull();
        expect(Array.from(toyStory2!)).toEqual([Math.fround(0.8), Math.fround(0.6), 0, 0]);
        expect(toyStory2).toBeInstanceOf(Float32Array);
      });

      it('counts items', async () => {
        expect(index.dimension).toBe(4);
        expect(await index.count()).toBe(6);
      });
    });

    describe('upsert', () => {
      it('replaces an item by id: payload, vector and lexical entry', async () => {
        const remade = item('toy-story', { title: 'Toy Story', text: 'A remastered film.', categories: ['Animation'], tags: [], year: 1995 });
        await index.upsert([entry(remade, [0, 0, 0.6, 0.8])]);
        await index.upsert([entry(remade, [0, 0, 0.6, 0.8])]);
        expect(await index.count()).toBe(6);
        expect(await index.getItems(['toy-story'])).toEqual([remade]);
        expect(await index.searchLexical('cowboy', { limit: 10 })).toEqual([]);
        expect(ids(await index.searchLexical('remastered', { limit: 10 }))).toEqual(['toy-story']);
        const dense = await index.searchDense(Float32Array.from([0, 0, 0, 1]), { limit: 2 });
        expect(ids(dense)).toEqual(['nosferatu', 'toy-story']);
        expect(dense[1]!.score).toBeCloseTo(0.8, 6);
        // The old category is gone from filtering too.
        expect(await index.filterIds(['toy-story'], { must: [{ key: 'category', match: { value: 'Comedy' } }] })).toEqual([]);
      });

      it('refuses a vector of the wrong dimension and writes nothing of that call', async () => {
        const good = entry(item('good', { title: 'Good' }), [0, 0, 0, 1]);
        const bad = entry(item('bad', { title: 'Bad' }), [1, 0, 0]);
        await expect(index.upsert([good, bad])).rejects.toThrow(/"bad".*3 dimensions.*4/);
        expect(await index.getItems(['good', 'bad'])).toEqual([null, null]);
        expect(await index.count()).toBe(6);
      });
    });

    describe('delete', () => {
      it('removes items from payloads, vectors, dense and lexical search; returns the ids that existed', async () => {
        expect(await index.delete(['heat', 'nope', 'heat'])).toEqual(['heat']);
        expect(await index.getItems(['heat'])).toEqual([null]);
        expect(await index.getVectors(['heat'])).toEqual([null]);
        expect(await index.count()).toBe(5);
        expect(ids(await index.searchDense(Float32Array.from([0, 1, 0, 0]), { limit: 1 }))).toEqual(['toy-story-2']);
        expect(await index.searchLexical('detective', { limit: 5 })).toEqual([]);
        expect(await index.delete([])).toEqual([]);
      });
    });

    describe('searchDense', () => {
      it('ranks by cosine similarity with exact scores', async () => {
        const hits = await index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 3 });
        expect(ids(hits)).toEqual(['toy-story', 'toy-story-2', 'monsters']);
        expect(hits.map((hit) => hit.score)).toEqual([expect.closeTo(1, 6), expect.closeTo(0.8, 6), expect.closeTo(0.6, 6)]);
      });

      it('computes a true cosine for a query that is not unit length', async () => {
        const hits = await index.searchDense(Float32Array.from([3, 0, 4, 0]), { limit: 2 });
        // The query points along monsters [0.6, 0, 0.8, 0]: monsters scores 1, matrix 0.8, toy-story 0.6.
        expect(ids(hits)).toEqual(['monsters', 'matrix']);
        expect(hits[0]!.score).toBeCloseTo(1, 6);
        expect(hits[1]!.score).toBeCloseTo(0.8, 6);
      });

      it('applies the filter and the exclusions before ranking', async () => {
        const filter: Filter = { must: [{ key: 'year', range: { gte: 1999 } }] };
        const hits = await index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 2, filter, excludeIds: new Set(['toy-story-2']) });
        expect(ids(hits)).toEqual(['monsters', 'matrix']);
      });

      it('returns fewer than the limit when fewer items pass, and nothing for limit 0', async () => {
        const filter: Filter = { must: [{ key: 'category', match: { value: 'Horror' } }] };
        expect(ids(await index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 5, filter }))).toEqual(['nosferatu']);
        expect(await index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 0 })).toEqual([]);
      });

      it('agrees with brute force on random data, with and without a filter', async () => {
        const dimension = 32;
        const random = seededRandom(7);
        const big = await open(dimension);
        try {
          const categories = ['a', 'b', 'c', 'd'];
          const entries: CatalogEntry[] = Array.from({ length: 1500 }, (_, i) => ({
            item: item(`i${i}`, { categories: [categories[i % 4]!], year: 1950 + (i % 70) }),
            vector: randomUnitVector(random, dimension),
          }));
          await big.upsert(entries);
          const filter: Filter = { must: [{ key: 'category', match: { any: ['a', 'c'] } }], mustNot: [{ key: 'year', range: { lt: 1960 } }] };
          const holds = compileFilter(filter);
          for (let q = 0; q < 5; q += 1) {
            const query = randomUnitVector(random, dimension);
            for (const options of [{ limit: 25 }, { limit: 25, filter }]) {
              const expected = entries
                .filter((e) => !options.filter || holds(e.item))
                .map((e) => ({ id: e.item.id, score: cosine(query, e.vector) }))
                .sort((a, b) => b.score - a.score)
                .slice(0, 25);
              const hits = await big.searchDense(query, options);
              expect(ids(hits)).toEqual(ids(expected));
              hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 5));
            }
          }
        } finally {
          await big.close();
        }
      });
    });

    describe('searchLexical', () => {
      it('ranks title matches above matches in the text, with positive scores, best first', async () => {
        const hits = await index.searchLexical('story', { limit: 10 });
        expect(ids(hits.slice(0, 2)).sort()).toEqual(['toy-story', 'toy-story-2']);
        expect(ids(hits.slice(2)).sort()).toEqual(['monsters', 'nosferatu']);
        for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
        for (let i = 1; i < hits.length; i += 1) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
      });

      it('ranks a title match above repeated mentions in the text', async () => {
        await index.upsert([
          entry(item('hunters', { title: 'Vampire Hunters', text: 'Hunters track a nest across Mexico.' }), [0, 0, 0, 1]),
          entry(item('documentary', { title: 'Bloodsuckers', text: 'A documentary on the vampire myth, the vampire bat and its prey.' }), [0, 0, 0, 1]),
        ]);
        const hits = await index.searchLexical('vampire', { limit: 5 });
        expect(ids(hits)).toEqual(['hunters', 'documentary', 'nosferatu']);
        expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      });

      it('finds words in categories and tags', async () => {
        expect(ids(await index.searchLexical('cyberpunk', { limit: 5 }))).toEqual(['matrix']);
        expect(ids(await index.searchLexical('crime', { limit: 5 }))).toEqual(['heat']);
      });

      it('ranks items matching more of the words first', async () => {
        const hits = await index.searchLexical('vampire unnamed', { limit: 5 });
        expect(ids(hits)).toEqual(['nosferatu']);
        const both = await index.searchLexical('hacker detective', { limit: 5 });
        expect(ids(both).sort()).toEqual(['heat', 'matrix']);
      });

      it('applies the filter inside retrieval: the limit is filled with matching items', async () => {
        // The four "story" matches rank toy-story, toy-story-2 (titles) above monsters and
        // nosferatu; truncating to 1 before filtering would leave nothing.
        const horror: Filter = { must: [{ key: 'category', match: { value: 'Horror' } }] };
        expect(ids(await index.searchLexical('story', { limit: 1, filter: horror }))).toEqual(['nosferatu']);
        const notPixar: Filter = { mustNot: [{ key: 'tag', match: { value: 'pixar' } }] };
        expect(ids(await index.searchLexical('story', { limit: 2, filter: notPixar }))).toEqual(['nosferatu']);
        const hits = await index.searchLexical('story', { limit: 2, excludeIds: new Set(['toy-story', 'toy-story-2']) });
        expect(ids(hits).sort()).toEqual(['monsters', 'nosferatu']);
      });

      it('reads the query as words, never as FTS syntax', async () => {
        for (const query of ['"foo" OR bar*  NEAR(', 'title:toy', 'toy AND', ')(*', '"', 'NOT toy', 'toy^2', "children's -heat", '{title text}: toy']) {
          await expect(index.searchLexical(query, { limit: 5 })).resolves.toEqual(expect.any(Array));
        }
        expect(await index.searchLexical('"foo" OR bar*  NEAR(', { limit: 5 })).toEqual([]);
        expect(ids(await index.searchLexical('toy*', { limit: 5 })).sort()).toEqual(['monsters', 'toy-story', 'toy-story-2']);
        expect(ids(await index.searchLexical('heat^', { limit: 5 }))).toEqual(['heat']);
      });

      it('answers nothing for a query without words, or limit 0', async () => {
        expect(await index.searchLexical('', { limit: 5 })).toEqual([]);
        expect(await index.searchLexical('  ?! -- ** ', { limit: 5 })).toEqual([]);
        expect(await index.searchLexical('toy', { limit: 0 })).toEqual([]);
      });
    });

    describe('collaborative vectors (a second named vector)', () => {
      // Two dimensions, unlike the text vectors' four: the spaces are independent.
      const collaborative = [
        { id: 'toy-story', vector: Float32Array.from([1, 0]) },
        { id: 'heat', vector: Float32Array.from([0.6, 0.8]) },
        { id: 'matrix', vector: Float32Array.from([0, 1]) },
        { id: 'not-in-catalog', vector: Float32Array.from([1, 1]) },
      ];

      it('has none until some are stored, and searching then finds nothing', async () => {
        expect(await index.collaborativeDimension()).toBeNull();
        expect(await index.getCollaborativeVectors(['toy-story'])).toEqual([null]);
        expect(await index.searchCollaborative(Float32Array.from([1, 0]), { limit: 3 })).toEqual([]);
      });

      it('stores the vectors of catalog items only, and serves them by id', async () => {
        expect(await index.replaceCollaborativeVectors(collaborative)).toBe(3);
        expect(await index.collaborativeDimension()).toBe(2);
        const [toyStory, monsters, heat] = await index.getCollaborativeVectors(['toy-story', 'monsters', 'heat']);
        expect(Array.from(toyStory!)).toEqual([1, 0]);
        expect(monsters).toBeNull();
        expect(Array.from(heat!)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
        expect(await index.getCollaborativeVectors(['not-in-catalog'])).toEqual([null]);
        // The text vectors are untouched.
        expect(Array.from((await index.getVectors(['heat']))[0]!)).toEqual([0, 1, 0, 0]);
      });

      it('searches by cosine among items that have one, with filters and exclusions', async () => {
        await index.replaceCollaborativeVectors(collaborative);
        const query = Float32Array.from([1, 0]);
        expect(await index.searchCollaborative(query, { limit: 5 })).toEqual([
          { id: 'toy-story', score: 1 },
          { id: 'heat', score: expect.closeTo(0.6, 6) },
          { id: 'matrix', score: 0 },
        ]);
        expect(ids(await index.searchCollaborative(query, { limit: 5, excludeIds: new Set(['toy-story']) }))).toEqual(['heat', 'matrix']);
        expect(ids(await index.searchCollaborative(query, { limit: 5, filter: { must: [{ key: 'category', match: { value: 'Action' } }] } }))).toEqual(['heat', 'matrix']);
      });

      it('replaces the whole set on each run, and forgets the vector of a deleted item', async () => {
        await index.replaceCollaborativeVectors(collaborative);
        await index.replaceCollaborativeVectors([{ id: 'matrix', vector: Float32Array.from([0, 0, 1]) }]);
        expect(await index.collaborativeDimension()).toBe(3);
        expect(await index.getCollaborativeVectors(['toy-story', 'matrix']).then((vs) => vs.map((v) => v && Array.from(v)))).toEqual([null, [0, 0, 1]]);
        await index.delete(['matrix']);
        expect(await index.getCollaborativeVectors(['matrix'])).toEqual([null]);
        expect(await index.searchCollaborative(Float32Array.from([0, 0, 1]), { limit: 5 })).toEqual([]);
      });

      it('refuses vectors of mixed dimensions, storing nothing', async () => {
        await expect(
          index.replaceCollaborativeVectors([
            { id: 'toy-story', vector: Float32Array.from([1, 0]) },
            { id: 'heat', vector: Float32Array.from([1, 0, 0]) },
          ]),
        ).rejects.toThrow('item "heat": collaborative vector has 3 dimensions, the first entry has 2');
        expect(await index.collaborativeDimension()).toBeNull();
      });
    });
    describe('recommend (positive and negative examples by id, average_vector)', () => {
      const scored = (hits: readonly { id: string; score: number }[]) => hits.map((hit) => [hit.id, Number(hit.score.toFixed(5))]);

      it('searches by the mean of the positive examples, never returning an example', async () => {
        expect(scored(await index.recommend({ positive: ['toy-story'] }, 'text', { limit: 2 }))).toEqual([
          ['toy-story-2', 0.8],
          ['monsters', 0.6],
        ]);
        // Mean of [1,0,0,0] and [0,1,0,0]: cosine 0.7 / 0.70711 with toy-story-2, 0.3 / 0.70711 with monsters.
        expect(scored(await index.recommend({ positive: ['toy-story', 'heat'] }, 'text', { limit: 2 }))).toEqual([
          ['toy-story-2', 0.98995],
          ['monsters', 0.42426],
        ]);
      });

      it('normalises each example first, as Qdrant stores cosine vectors', async () => {
        await index.upsert([entry(item('heat-remake', { title: 'Heat (remake)' }), [0, 2, 0, 0])]);
        // Unnormalised, [0,2,0,0] would outweigh toy-story; normalised, it weighs as heat does.
        expect(scored(await index.recommend({ positive: ['toy-story', 'heat-remake'] }, 'text', { limit: 3 }))).toEqual([
          ['toy-story-2', 0.98995],
          ['heat', 0.70711],
          ['monsters', 0.42426],
        ]);
      });

      it('steers away from negative examples: 2·avg(positive) − avg(negative)', async () => {
        // [1.6, 1.2, -1, 0] / √5: monsters, 0.48 alone, falls to 0.07155.
        expect(scored(await index.recommend({ positive: ['toy-story-2'], negative: ['matrix'] }, 'text', { limit: 4 }))).toEqual([
          ['toy-story', 0.71554],
          ['heat', 0.53666],
          ['monsters', 0.07155],
          ['nosferatu', 0],
        ]);
      });

      it('applies the filter and the exclusions', async () => {
        const animation: Filter = { must: [{ key: 'category', match: { value: 'Animation' } }] };
        expect(ids(await index.recommend({ positive: ['toy-story'] }, 'text', { limit: 5, filter: animation }))).toEqual(['toy-story-2', 'monsters']);
        expect(ids(await index.recommend({ positive: ['toy-story'] }, 'text', { limit: 5, filter: animation, excludeIds: new Set(['toy-story-2']) }))).toEqual(['monsters']);
      });

      it('recommends in the collaborative space from the collaborative vectors', async () => {
        await index.replaceCollaborativeVectors([
          { id: 'toy-story', vector: Float32Array.from([1, 0]) },
          { id: 'heat', vector: Float32Array.from([0.6, 0.8]) },
          { id: 'matrix', vector: Float32Array.from([0, 1]) },
        ]);
        expect(scored(await index.recommend({ positive: ['heat'] }, 'collaborative', { limit: 5 }))).toEqual([
          ['matrix', 0.8],
          ['toy-story', 0.6],
        ]);
        // [1.2, 0.6] / 1.34164.
        expect(scored(await index.recommend({ positive: ['heat'], negative: ['matrix'] }, 'collaborative', { limit: 5 }))).toEqual([['toy-story', 0.89443]]);
        await expect(index.recommend({ positive: ['monsters'] }, 'collaborative', { limit: 5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      });

      it('refuses a query without a positive example, or with an example that has no vector in that space', async () => {
        await expect(index.recommend({ positive: [], negative: ['heat'] }, 'text', { limit: 5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
        await expect(index.recommend({ positive: ['toy-story'], negative: ['nope'] }, 'text', { limit: 5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
        await expect(index.recommend({ positive: ['toy-story'] }, 'collaborative', { limit: 5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      });

      it('answers in a batch exactly as alone', async () => {
        const options = { limit: 3, excludeIds: new Set(['heat']) };
        const [batched, dense] = await index.searchBatch([
          { kind: 'recommend', space: 'text', examples: { positive: ['toy-story-2'], negative: ['matrix'] }, options },
          { kind: 'dense', vector: Float32Array.from([1, 0, 0, 0]), options },
        ]);
        expect(batched).toEqual(await index.recommend({ positive: ['toy-story-2'], negative: ['matrix'] }, 'text', options));
        expect(ids(batched!)).toEqual(['toy-story', 'monsters', 'nosferatu']);
        expect(ids(dense!)).toEqual(['toy-story', 'toy-story-2', 'monsters']);
      });
    });

    describe('searchBatch', () => {
      it('answers each query exactly as the single search does, in the order given', async () => {
        await index.replaceCollaborativeVectors([
          { id: 'toy-story', vector: Float32Array.from([1, 0]) },
          { id: 'heat', vector: Float32Array.from([0.6, 0.8]) },
        ]);
        const horror: Filter = { must: [{ key: 'category', match: { value: 'Horror' } }] };
        const dense = Float32Array.from([1, 0, 0, 0]);
        const collaborative = Float32Array.from([1, 0]);
        const batch = await index.searchBatch([
          { kind: 'lexical', text: 'story', options: { limit: 1, filter: horror } },
          { kind: 'dense', vector: dense, options: { limit: 3, excludeIds: new Set(['toy-story']) } },
          { kind: 'collaborative', vector: collaborative, options: { limit: 5 } },
          { kind: 'lexical', text: ' ?! ', options: { limit: 5 } },
          { kind: 'dense', vector: dense, options: { limit: 0 } },
        ]);
        expect(batch).toEqual([
          await index.searchLexical('story', { limit: 1, filter: horror }),
          await index.searchDense(dense, { limit: 3, excludeIds: new Set(['toy-story']) }),
          await index.searchCollaborative(collaborative, { limit: 5 }),
          [],
          [],
        ]);
        expect(ids(batch[0]!)).toEqual(['nosferatu']);
        expect(ids(batch[2]!)).toEqual(['toy-story', 'heat']);
        expect(await index.searchBatch([])).toEqual([]);
      });

      it('answers a collaborative query with nothing while there are no collaborative vectors', async () => {
        expect(await index.searchBatch([{ kind: 'collaborative', vector: Float32Array.from([1, 0]), options: { limit: 3 } }])).toEqual([[]]);
      });
    });

    describe('scan', () => {
      it('yields every item once with its vectors, in batches of at most the size asked', async () => {
        await index.replaceCollaborativeVectors([{ id: 'heat', vector: Float32Array.from([0.6, 0.8]) }]);
        const batches: number[] = [];
        const seen = new Map<string, { item: unknown; vector: number[]; collaborative: number[] | null }>();
        for await (const batch of index.scan(4)) {
          batches.push(batch.length);
          for (const e of batch) seen.set(e.item.id, { item: e.item, vector: Array.from(e.vector), collaborative: e.collaborative && Array.from(e.collaborative) });
        }
        expect(batches).toEqual([4, 2]);
        expect(seen.size).toBe(6);
        expect(seen.get('toy-story-2')).toEqual({ item: FILMS[1]!.item, vector: [Math.fround(0.8), Math.fround(0.6), 0, 0], collaborative: null });
        expect(seen.get('heat')!.collaborative).toEqual([Math.fround(0.6), Math.fround(0.8)]);
        await expect(index.scan(0)[Symbol.asyncIterator]().next()).rejects.toThrow('batchSize must be a positive integer, got 0');
      });
    });

    describe('filterIds', () => {
      it('keeps the ids that exist and pass, in the order given', async () => {
        const action: Filter = { must: [{ key: 'category', match: { value: 'Action' } }] };
        expect(await index.filterIds(['matrix', 'nope', 'toy-story', 'heat'], action)).toEqual(['matrix', 'heat']);
        expect(await index.filterIds(['nosferatu', 'heat'], { must: [{ key: 'year', isEmpty: true }] })).toEqual(['nosferatu']);
      });
    });
  });
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}
