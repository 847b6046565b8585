import { afterAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { SqliteCatalogIndex } from '../../src/adapters/sqlite/sqliteCatalogIndex.js';
import { SqliteFeatureStore } from '../../src/adapters/sqlite/sqliteFeatureStore.js';
import type { InteractionEvent } from '../../src/domain/event.js';
import type { Item } from '../../src/domain/item.js';
import { readMovies } from '../../src/eval/movieLens/readMovies.js';
import { readRatings } from '../../src/eval/movieLens/readRatings.js';
import { tempDirs } from '../adapters/support/tempDirs.js';
import { FIXTURE_MOVIELENS } from '../support/fixtureGateway.js';
import { runCli } from '../support/runCli.js';

const dirs = tempDirs('train-item2vec-cli');
afterAll(() => dirs.removeAll());

/**
 * A data directory as `npm run demo` leaves it (the fixture's films, embedded by the builtin
 * model's 384 dimensions, and their ratings), then the command run with the default
 * EMBEDDING_MODEL (a hub model), an empty model cache and downloads off: loading any model
 * would fail, so its success proves that nothing loads one.
 */
describe('npm run train:item2vec', () => {
  it('trains offline without loading an embedding model', async () => {
    const dir = dirs.make();
    const movies = await readMovies(path.join(FIXTURE_MOVIELENS, 'movies.csv'));
    const items: Item[] = movies.map((movie) => ({ id: movie.id, title: movie.title, text: '', categories: movie.genres, tags: [], year: null, createdAt: 0 }));
    const catalog = SqliteCatalogIndex.open(dir, { dimension: 384, modelId: 'builtin' });
    await catalog.upsert(items.map((item) => ({ item, vector: Float32Array.from({ length: 384 }, (_, d) => (d === 0 ? 1 : 0)) })));
    await catalog.close();
    const ratings = await readRatings(path.join(FIXTURE_MOVIELENS, 'ratings.csv'));
    const events = ratings.map((r, i): InteractionEvent => ({ id: `r${i}`, type: 'rating', userId: r.userId, itemId: r.itemId, timestamp: r.timestamp * 1000, value: r.value, requestId: null }));
    const store = SqliteFeatureStore.open(dir);
    await store.applyEvents(events, new Map(items.map((item) => [item.id, item])));
    await store.close();

    const run = await runCli('trainItem2vec.ts', ['--epochs', '1', '--dimension', '8'], {
      DATA_DIR: dir,
      EMBEDDING_MODEL: 'Xenova/all-MiniLM-L6-v2',
      EMBEDDING_CACHE_DIR: dirs.make(),
      EMBEDDING_ALLOW_DOWNLOADS: 'false',
    });
    expect(run.stderr).toBe(`training item2vec on 13922 events in ${dir}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^item2vec: \d+ item vectors \(8 dimensions\) from \d+ users' positive sequences \(\d+ events;/);
    const trained = SqliteCatalogIndex.open(dir, { dimension: 384, modelId: 'builtin' });
    try {
      expect(await trained.collaborativeDimension()).toBe(8);
    } finally {
      await trained.close();
    }
  });

  it('refuses a data directory without a catalog, naming what to run', async () => {
    const dir = dirs.make();
    const run = await runCli('trainItem2vec.ts', [], { DATA_DIR: dir, EMBEDDING_MODEL: 'Xenova/all-MiniLM-L6-v2', EMBEDDING_ALLOW_DOWNLOADS: 'false' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`train:item2vec failed: There is no catalog in ${dir} yet: fill it first (npm run demo, or npm run ingest).\n`);
  });
});
