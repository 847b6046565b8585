import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { SqliteCatalogIndex } from '../../src/adapters/sqlite/sqliteCatalogIndex.js';
import { SqliteFeatureStore } from '../../src/adapters/sqlite/sqliteFeatureStore.js';
import { recomputeFeatures } from '../../src/app/recomputeFeatures.js';
import type { InteractionEvent } from '../../src/domain/event.js';
import type { Item } from '../../src/domain/item.js';
import { readMovies } from '../../src/eval/movieLens/readMovies.js';
import { readRatings } from '../../src/eval/movieLens/readRatings.js';
import { computeFeatures } from '../../src/features/computeFeatures.js';
import { DECAY_LANDMARK_MS } from '../../src/features/forwardDecay.js';
import type { EventLog } from '../../src/ports/eventLog.js';
import type { FeatureStore } from '../../src/ports/featureStore.js';
import { tempDirs } from '../adapters/support/tempDirs.js';
import { FIXTURE_MOVIELENS, REPO_ROOT } from '../support/fixtureGateway.js';
import { openTestRedisStore, REDIS_URL, warnRedisSkipped } from '../support/redisTestStores.js';

type Store = FeatureStore & EventLog;

const dirs = tempDirs('recompute');
afterAll(() => dirs.removeAll());

let items: Item[];
let events: InteractionEvent[];
let catalog: SqliteCatalogIndex;

/**
 * The fixture's 13,922 ratings moved to end a month after the decay landmark (so that decayed
 * values are far from 0 and from each other), with an impression, a click or a view beside
 * some of them: every aggregate the stores keep gets exercised.
 */
beforeAll(async () => {
  const movies = await readMovies(path.join(FIXTURE_MOVIELENS, 'movies.csv'));
  items = movies.map((movie) => ({ id: movie.id, title: movie.title, text: '', categories: movie.genres, tags: [], year: null, createdAt: 0 }));
  catalog = SqliteCatalogIndex.open(':memory:', { dimension: 2, modelId: 'recompute-test' });
  await catalog.upsert(items.map((item) => ({ item, vector: Float32Array.from([1, 0]) })));
  const ratings = await readRatings(path.join(FIXTURE_MOVIELENS, 'ratings.csv'));
  const latest = Math.max(...ratings.map((r) => r.timestamp * 1000));
  const shift = DECAY_LANDMARK_MS + 30 * 86_400_000 - latest;
  events = ratings.flatMap((r, i): InteractionEvent[] => {
    const timestamp = r.timestamp * 1000 + shift;
    const base = { userId: r.userId, itemId: r.itemId, requestId: null };
    const rating: InteractionEvent = { ...base, id: `r${i}`, type: 'rating', timestamp, value: r.value };
    if (i % 7 === 0) return [{ ...base, id: `m${i}`, type: 'impression', timestamp: timestamp - 60_000, value: null, requestId: `q${i}` }, rating];
    if (i % 11 === 0) return [rating, { ...base, id: `c${i}`, type: 'click', timestamp: timestamp + 1000, value: null }];
    if (i % 13 === 0) return [{ ...base, id: `v${i}`, type: 'view', timestamp: timestamp - 5000, value: null }, rating];
    return [rating];
  });
});

afterAll(async () => {
  await catalog?.close();
});

/** What recordEvents does online: uneven batches with the catalog's items, some batches sent twice. */
async function applyOnline(store: Store): Promise<void> {
  const sizes = [1, 37, 250, 3, 999];
  for (let start = 0, n = 0; start < events.length; n++) {
    const batch = events.slice(start, start + sizes[n % sizes.length]!);
    const ids = [...new Set(batch.map((e) => e.itemId))];
    const found = await catalog.getItems(ids);
    const byId = new Map(found.filter((item): item is Item => item !== null).map((item) => [item.id, item]));
    await store.applyEvents(batch, byId);
    if (n % 3 === 0) await store.applyEvents(batch, byId); // a client retry: duplicates only
    start += batch.length;
  }
}

async function expectSameFeatures(online: Store, batch: Store): Promise<void> {
  const itemIds = items.map((item) => item.id);
  const userIds = [...new Set(events.map((e) => e.userId))];
  const [onlineStats, batchStats] = await Promise.all([online.getItemStats(itemIds), batch.getItemStats(itemIds)]);
  expect(batchStats).toEqual(onlineStats);
  const [onlineUsers, batchUsers] = await Promise.all([online.getUserProfiles(userIds), batch.getUserProfiles(userIds)]);
  expect(batchUsers).toEqual(onlineUsers);
  expect(await batch.popular(1000, 0)).toEqual(await online.popular(1000, 0));
  expect(await batch.count()).toBe(await online.count());
  // And what the ranker sees: every feature of every item for a few users, at one `now`.
  const now = DECAY_LANDMARK_MS + 45 * 86_400_000;
  for (const u of [0, 1, 2]) {
    const features = (stats: typeof onlineStats, user: (typeof onlineUsers)[number]) =>
      items.map((item, i) =>
        computeFeatures({
          candidate: { itemId: item.id, fusedScore: 0.01, hits: [] },
          item,
          stats: stats[i]!,
          user,
          itemVector: null,
          profile: null,
          seedCategories: null,
          maxLexical: 0,
          referenceYear: 2025,
          now,
        }),
      );
    expect(features(batchStats, batchUsers[u]!)).toEqual(features(onlineStats, onlineUsers[u]!));
  }
}

function describeRecompute(name: string, open: () => Promise<Store>): void {
  describe(`recompute:features on ${name}`, () => {
    it('rebuilds from the log exactly what the online path produced', async () => {
      const online = await open();
      const rebuilt = await open();
      try {
        await applyOnline(online);
        expect(await online.count()).toBe(events.length);
        const progress: number[] = [];
        const summary = await recomputeFeatures({ log: online, target: rebuilt, catalog }, { batchSize: 1000, onProgress: (n) => progress.push(n) });
        expect(summary).toEqual({ events: events.length, applied: events.length, duplicates: 0, forgottenItems: 0 });
        expect(progress.at(-1)).toBe(events.length);
        expect(progress).toHaveLength(Math.ceil(events.length / 1000));
        await expectSameFeatures(online, rebuilt);
        // A second run into the same target (catching up) changes nothing.
        const again = await recomputeFeatures({ log: online, target: rebuilt, catalog }, { batchSize: 4000 });
        expect(again).toEqual({ events: events.length, applied: 0, duplicates: events.length, forgottenItems: 0 });
        await expectSameFeatures(online, rebuilt);
      } finally {
        await Promise.all([online.close(), rebuilt.close()]);
      }
    });
  });
}

describeRecompute('SQLite', async () => SqliteFeatureStore.open(dirs.make()));
warnRedisSkipped('recompute:features on Redis');
if (REDIS_URL) describeRecompute('Redis', () => openTestRedisStore());

describe('npm run recompute:features', () => {
  function run(args: readonly string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
        [path.join(REPO_ROOT, 'src/cli/recomputeFeatures.ts'), ...args],
        { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
        (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
      );
    });
  }

  it('prints its usage with --help and refuses bad options', async () => {
    const help = await run(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run recompute:features -- \[options\]/);
    const bad = await run(['--batch-size', 'ten'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--batch-size must be an integer from 1 to 100000, got "ten"/);
    const prefixless = await run([], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(prefixless.code).toBe(2);
    expect(prefixless.stderr).toMatch(/^With REDIS_URL, --target-prefix must name a prefix other than REDIS_KEY_PREFIX \(recsys:\)/);
  });

  it('rebuilds the features.db of a data directory in place', async () => {
    const dir = dirs.make();
    const store = SqliteFeatureStore.open(dir);
    const catalogOnDisk = SqliteCatalogIndex.open(dir, { dimension: 384, modelId: 'builtin' });
    // Every item but Toy Story: its events stay in the log, its features are forgotten.
    await catalogOnDisk.upsert(items.filter((item) => item.id !== '1').map((item) => ({ item, vector: Float32Array.from({ length: 384 }, (_, d) => (d === 0 ? 1 : 0)) })));
    await catalogOnDisk.close();
    await store.applyEvents(events.slice(0, 500), new Map(items.map((item) => [item.id, item])));
    const stats = await store.getItemStats(items.map((item) => item.id));
    await store.close();
    // No EMBEDDING_MODEL (the default is a hub model), an empty model cache and no downloads:
    // loading any model would fail, so success proves none is loaded.
    const result = await run([], { DATA_DIR: dir, EMBEDDING_CACHE_DIR: dirs.make(), EMBEDDING_ALLOW_DOWNLOADS: 'false' });
    expect(result.stderr).toMatch(/recomputing features from 500 logged events/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('recomputed 500 events (500 applied, 0 already in the target), 1 items no longer in the catalog forgotten\n');
    const reopened = SqliteFeatureStore.open(dir);
    try {
      expect(await reopened.count()).toBe(500);
      const rebuilt = await reopened.getItemStats(items.map((item) => item.id));
      expect(rebuilt[0]).toBeNull();
      expect(stats[0]).not.toBeNull();
      expect(rebuilt.slice(1)).toEqual(stats.slice(1));
    } finally {
      await reopened.close();
    }
  });
});
