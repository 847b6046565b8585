import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IncompatibleDataError } from '../../src/adapters/sqlite/incompatibleDataError.js';
import { SqliteFeatureStore } from '../../src/adapters/sqlite/sqliteFeatureStore.js';
import type { InteractionEvent } from '../../src/domain/event.js';
import { describeFeatureStore } from './featureStoreBehaviour.js';
import { event, EVENTS, ITEMS } from './support/eventFixture.js';
import { tempDirs } from './support/tempDirs.js';

const dirs = tempDirs('features');
afterAll(() => dirs.removeAll());

describeFeatureStore('SqliteFeatureStore', () => SqliteFeatureStore.open(dirs.make()));
// Pages of 2 in memory: the scans cross page boundaries, ties included.
describeFeatureStore('SqliteFeatureStore in memory', () => SqliteFeatureStore.open(':memory:', { scanPageSize: 2 }));

describe('SqliteFeatureStore storage', () => {
  it('keeps events and aggregates across close and reopen', async () => {
    const dir = dirs.make();
    const first = SqliteFeatureStore.open(dir);
    await first.applyEvents(EVENTS, ITEMS);
    const stats = await first.getItemStats(['i1', 'i2', 'i3', 'i4']);
    const profiles = await first.getUserProfiles(['u1', 'u2', 'u3']);
    await first.close();

    const again = SqliteFeatureStore.open(dir);
    try {
      expect(await again.count()).toBe(10);
      expect(await again.getItemStats(['i1', 'i2', 'i3', 'i4'])).toEqual(stats);
      expect(await again.getUserProfiles(['u1', 'u2', 'u3'])).toEqual(profiles);
      expect(await again.applyEvents(EVENTS.slice(0, 2), ITEMS)).toEqual({ applied: [], duplicates: ['e1', 'e2'], conflicts: [] });
    } finally {
      await again.close();
    }
  });

  it('refuses a features.db of another schema version, saying what to do', async () => {
    const dir = dirs.make();
    await SqliteFeatureStore.open(dir).close();
    const db = new Database(path.join(dir, 'features.db'));
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
    db.close();
    expect(() => SqliteFeatureStore.open(dir)).toThrow(IncompatibleDataError);
    expect(() => SqliteFeatureStore.open(dir)).toThrow(
      `The feature store in ${dir} has storage schema version 99; this gateway reads version 2. ` +
        `Delete ${dir}/features.db and record the events again (or ingest the event files again).`,
    );
  });

  it('scans the log a page at a time, leaving the connection free for writes between pages', async () => {
    const store = SqliteFeatureStore.open(':memory:', { scanPageSize: 3 });
    await store.applyEvents(EVENTS, ITEMS);
    const seen: string[] = [];
    for await (const e of store.scan()) {
      seen.push(e.id);
      // A write in the middle of a scan: an open cursor would make this throw.
      if (e.id === 'e2') await store.applyEvents([event('late', 'u9', 'i1', 'view', 9000)], ITEMS);
    }
    expect(seen).toEqual([...EVENTS.map((e) => e.id), 'late']);
    await store.close();
  });

  it('reads any number of ids in one statement per call', async () => {
    const statements: string[] = [];
    const store = SqliteFeatureStore.open(':memory:', { trace: (sql) => statements.push(sql) });
    const many = Array.from({ length: 400 }, (_, i) => event(`b${i}`, `user${i % 40}`, `item${i % 100}`, 'click', i));
    await store.applyEvents(many, ITEMS);
    const executed = async (work: () => Promise<unknown>) => {
      statements.length = 0;
      await work();
      return statements.map((sql) => sql.split(/\s+/).slice(0, 2).join(' '));
    };
    const itemIds = Array.from({ length: 150 }, (_, i) => `item${i}`);
    const userIds = Array.from({ length: 60 }, (_, i) => `user${i}`);
    expect(await executed(() => store.getItemStats(itemIds))).toEqual(['SELECT s.*']);
    expect(await executed(() => store.getUserProfiles(userIds))).toEqual(['SELECT u.*,']);
    expect(await executed(() => store.popular(100, 20))).toEqual(['SELECT item_id,']);
    expect(await executed(() => store.forgetItems(itemIds.slice(0, 50)))).toEqual(['BEGIN', 'DELETE FROM', 'DELETE FROM', 'DELETE FROM', 'DELETE FROM', 'COMMIT']);
    const profiles = await store.getUserProfiles(userIds);
    expect(profiles.filter((p) => p !== null)).toHaveLength(40);
    expect(profiles[0]!.positiveCount).toBe(10);
    await store.close();
  });
});

const MOVIELENS = path.resolve(process.cwd(), '../shared/data/ml-latest-small');

describe('SqliteFeatureStore on MovieLens', () => {
  const exists = existsSync(path.join(MOVIELENS, 'ratings.csv'));
  if (!exists) console.warn(`SKIPPED: MovieLens ratings not found at ${MOVIELENS}; the 100k-event ingestion test needs them`);
  const maybe = exists ? it : it.skip;

  maybe('ingests the 100,836 ratings in seconds with exact aggregates', async () => {
    const items = new Map(
      readFileSync(path.join(MOVIELENS, 'movies.csv'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => {
          const id = line.slice(0, line.indexOf(','));
          const genres = line.slice(line.lastIndexOf(',') + 1).split('|');
          return [id, { id, title: '', text: '', categories: genres, tags: [], year: null, createdAt: 0 }] as const;
        }),
    );
    const events: InteractionEvent[] = readFileSync(path.join(MOVIELENS, 'ratings.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [userId, movieId, rating, seconds] = line.split(',');
        return event(`ml-${userId}-${movieId}`, userId!, movieId!, 'rating', Number(seconds) * 1000, Number(rating));
      });
    const store = SqliteFeatureStore.open(dirs.make());
    const started = performance.now();
    for (let i = 0; i < events.length; i += 10_000) await store.applyEvents(events.slice(i, i + 10_000), items);
    const seconds = (performance.now() - started) / 1000;
    console.log(`applied ${events.length} MovieLens ratings in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(30);

    expect(await store.count()).toBe(100_836);
    expect((await store.popular(5, 0)).map((hit) => [hit.id, hit.score])).toEqual([
      ['318', 274],
      ['356', 249],
      ['296', 244],
      ['593', 225],
      ['2571', 222],
    ]);
    const [shawshank] = await store.getItemStats(['318']);
    expect([shawshank!.ratingCount, shawshank!.ratingSum, shawshank!.counts.rating]).toEqual([317, 1404, 317]);
    const [user1] = await store.getUserProfiles(['1']);
    expect([user1!.eventCount, user1!.ratingSum, user1!.positiveCount, user1!.seenItemIds.size]).toEqual([232, 1013, 200, 232]);
    expect(user1!.recentPositives.slice(0, 3).map((entry) => [entry.itemId, entry.timestamp])).toEqual([
      ['2492', 965_719_662_000],
      ['2012', 964_984_176_000],
      ['2478', 964_984_169_000],
    ]);
    expect([user1!.firstEventAt, user1!.lastEventAt]).toEqual([964_980_499_000, 965_719_662_000]);
    expect(user1!.categoryAffinity.Comedy).toBeCloseTo(0.152547619047619, 10);
    expect(await store.applyEvents(events.slice(0, 1000), items)).toEqual({ applied: [], duplicates: events.slice(0, 1000).map((e) => e.id), conflicts: [] });
    await store.close();
  });
});
