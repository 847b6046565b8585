import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteCatalogIndex } from '../../src/adapters/sqlite/sqliteCatalogIndex.js';
import { SqliteFeatureStore } from '../../src/adapters/sqlite/sqliteFeatureStore.js';
import { createEmbedder } from '../../src/adapters/transformers/createEmbedder.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { InteractionEvent } from '../../src/domain/event.js';
import { ingestEvents } from '../../src/ingestion/ingestEvents.js';
import { ingestFiles } from '../../src/ingestion/ingestFiles.js';
import type { IngestProgress } from '../../src/ingestion/ingestProgress.js';
import { importMovieLens } from '../../src/ingestion/movieLens/importMovieLens.js';
import { readMovieLensRatings } from '../../src/ingestion/movieLens/readMovieLensRatings.js';
import type { RecordIssue } from '../../src/ingestion/recordIssue.js';
import type { SourceRecord } from '../../src/ingestion/sourceRecord.js';
import type { UncheckedEventInput } from '../../src/ingestion/validateEvent.js';
import type { Embedder } from '../../src/ports/embedder.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const movieLens = path.join(fixtures, 'movielens-small');
const FIRST_RUN = Date.parse('2024-01-01T00:00:00Z');
const SECOND_RUN = Date.parse('2024-06-01T00:00:00Z');

/** The real embedder, with every call's batch size recorded. */
function recording(embedder: Embedder, calls: number[]): Embedder {
  return {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    embed: (texts) => {
      calls.push(texts.length);
      return embedder.embed(texts);
    },
    close: () => embedder.close(),
  };
}

/** Stops a stream after `count` records, as a crash in the middle of a file would. */
async function* crashAfter<T>(records: AsyncIterable<SourceRecord<T>>, count: number): AsyncGenerator<SourceRecord<T>> {
  let seen = 0;
  for await (const record of records) {
    if (seen === count) throw new Error('power cut');
    seen += 1;
    yield record;
  }
}

describe('MovieLens import into the real SQLite stores with the builtin embedder', () => {
  let dir: string;
  let embedder: Embedder;
  let catalog: SqliteCatalogIndex;
  let features: SqliteFeatureStore;
  const embedCalls: number[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-'));
    const config = loadConfig(
      {
        EMBEDDING_MODEL: 'builtin',
        EMBEDDING_CACHE_DIR: path.join(os.tmpdir(), 'recsys-gateway-test-models'),
        EMBEDDING_ALLOW_DOWNLOADS: 'false',
        EMBEDDING_CACHE_SIZE: '0',
        EMBEDDING_QUEUE_WINDOW_MS: '0',
      },
      dir,
    );
    embedder = recording(await createEmbedder(config.embedding), embedCalls);
    catalog = SqliteCatalogIndex.open(dir, { dimension: embedder.dimension, modelId: embedder.modelId });
    features = SqliteFeatureStore.open(dir);
  });

  afterAll(async () => {
    await Promise.allSettled([catalog?.close(), features?.close(), embedder?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('loads 300 movies and 13,922 ratings, embedding in batches of the batch size', async () => {
    const progress: IngestProgress[] = [];
    const issues: RecordIssue[] = [];
    const summary = await importMovieLens(movieLens, {
      catalog,
      features,
      embedder,
      itemBatchSize: 128,
      now: () => FIRST_RUN,
      onIssue: (issue) => issues.push(issue),
      onProgress: (report) => progress.push(report),
    });
    expect(summary.items).toEqual({ ok: 300, unchanged: 0, bad: 0 });
    expect(summary.events).toEqual({ accepted: 13922, duplicate: 0, rejected: 0, unknownItem: 0 });
    expect(issues).toEqual([]);
    expect(embedCalls).toEqual([128, 128, 44]);
    expect(progress.filter((report) => report.stage === 'items').map((report) => report.processed)).toEqual([0, 128, 256, 300, 300]);
    expect(progress.at(-1)).toEqual({ stage: 'events', file: path.join(movieLens, 'ratings.csv'), processed: 13922, total: 13922 });

    expect(await catalog.count()).toBe(300);
    expect(await features.count()).toBe(13922);
    const [toyStory] = await catalog.getItems(['1']);
    expect(toyStory).toEqual({
      id: '1',
      title: 'Toy Story',
      text: 'Adventure, Animation, Children, Comedy, Fantasy film from 1995, tagged pixar, fun.',
      categories: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
      tags: ['pixar', 'fun'],
      year: 1995,
      // It entered the catalog at its first rating (941557863 s), not when it was imported.
      createdAt: 941_557_863_000,
    });
    // Not rated in the file: there from the file's first rating (939842493 s), not new.
    expect((await catalog.getItems(['114335']))[0]?.createdAt).toBe(939_842_493_000);
    const [userOne] = await features.getUserProfiles(['1']);
    expect(userOne?.ratingCount).toBe(81);
    expect(userOne?.positiveCount).toBe(69);
    // Back to the Future Part III, rated 4.0 at 964984176 s: user 1's latest rating of 4 or more.
    expect(userOne?.recentPositives[0]).toEqual({ itemId: '2012', type: 'rating', value: 4, timestamp: 964984176000 });
    const [stats] = await features.getItemStats(['1']);
    expect(stats?.ratingCount).toBe(80);
  });

  it('gives the same state when run again: items rewritten in place, every rating a duplicate', async () => {
    const [vectorBefore] = await catalog.getVectors(['3114']);
    const summary = await importMovieLens(movieLens, { catalog, features, embedder, now: () => SECOND_RUN });
    expect(summary.items).toEqual({ ok: 300, unchanged: 0, bad: 0 });
    expect(summary.events).toEqual({ accepted: 0, duplicate: 13922, rejected: 0, unknownItem: 0 });
    expect(await catalog.count()).toBe(300);
    expect(await features.count()).toBe(13922);
    const [toyStory] = await catalog.getItems(['1']);
    expect(toyStory?.createdAt).toBe(941_557_863_000);
    const [vectorAfter] = await catalog.getVectors(['3114']);
    expect(Array.from(vectorAfter!)).toEqual(Array.from(vectorBefore!));
    const [stats] = await features.getItemStats(['1']);
    expect(stats?.ratingCount).toBe(80);
  });

  it('embeds nothing again with skipUnchanged when nothing changed', async () => {
    embedCalls.length = 0;
    const summary = await importMovieLens(movieLens, { catalog, features, embedder, skipUnchanged: true });
    expect(summary.items).toEqual({ ok: 300, unchanged: 300, bad: 0 });
    expect(embedCalls).toEqual([]);
  });

  it('keeps whole batches of an interrupted run, and the next run finishes it', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'ingest-crash-'));
    const crashed = SqliteFeatureStore.open(scratch);
    try {
      const ratings = readMovieLensRatings(path.join(movieLens, 'ratings.csv'));
      const interrupted = ingestEvents(crashAfter<UncheckedEventInput>(ratings, 12_000), { catalog, features: crashed }, { batchSize: 5000 });
      await expect(interrupted).rejects.toThrow('power cut');
      expect(await crashed.count()).toBe(10_000);

      const resumed = await ingestEvents(readMovieLensRatings(path.join(movieLens, 'ratings.csv')), { catalog, features: crashed }, { batchSize: 5000 });
      expect(resumed).toEqual({ accepted: 3922, duplicate: 10_000, rejected: 0, unknownItem: 0 });
      expect(await crashed.count()).toBe(13922);
    } finally {
      await crashed.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('survives a reopen of the data directory', async () => {
    const reopened = SqliteCatalogIndex.open(dir, { dimension: embedder.dimension, modelId: embedder.modelId });
    const reopenedFeatures = SqliteFeatureStore.open(dir);
    try {
      expect(await reopened.count()).toBe(300);
      expect(await reopenedFeatures.count()).toBe(13922);
    } finally {
      await reopened.close();
      await reopenedFeatures.close();
    }
  });
});

describe('file ingestion into the real SQLite stores', () => {
  let dir: string;
  let embedder: Embedder;
  let catalog: SqliteCatalogIndex;
  let features: SqliteFeatureStore;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-files-'));
    const config = loadConfig(
      {
        EMBEDDING_MODEL: 'builtin',
        EMBEDDING_CACHE_DIR: path.join(os.tmpdir(), 'recsys-gateway-test-models'),
        EMBEDDING_ALLOW_DOWNLOADS: 'false',
      },
      dir,
    );
    embedder = await createEmbedder(config.embedding);
    catalog = SqliteCatalogIndex.open(dir, { dimension: embedder.dimension, modelId: embedder.modelId });
    features = SqliteFeatureStore.open(dir);
  });

  afterAll(async () => {
    await Promise.allSettled([catalog?.close(), features?.close(), embedder?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('reports bad records and unknown items by file and line and ingests the rest', async () => {
    const items = path.join(fixtures, 'ingestion/items.csv');
    const events = path.join(fixtures, 'ingestion/events.csv');
    const issues: RecordIssue[] = [];
    const summary = await ingestFiles({ items: [items], events: [events] }, { catalog, features, embedder }, {
      onIssue: (issue) => issues.push(issue),
    });
    expect(summary.items).toEqual({ ok: 4, unchanged: 0, bad: 3 });
    expect(summary.events).toEqual({ accepted: 3, duplicate: 0, rejected: 3, unknownItem: 1 });
    expect(issues).toEqual([
      { file: items, line: 6, message: 'id is required' },
      { file: items, line: 7, message: 'expected 6 fields (id,title,text,categories,tags,year), got 7' },
      { file: items, line: 8, message: 'year must be a number, got "nineteen"' },
      { file: events, line: 5, message: 'value of a rating must be from 0.5 to 5, got 6' },
      { file: events, line: 7, message: 'type must be one of view, click, add_to_cart, purchase, rating, impression, got "teleport"' },
      {
        file: events,
        line: 8,
        message:
          'timestamp must be an ISO 8601 date-time with a zone (2018-09-24T10:00:00Z) or epoch seconds or milliseconds, got "2018-09-24 10:00"',
      },
      { file: events, line: 6, message: 'unknown item "999": event skipped' },
    ]);
    const logged: InteractionEvent[] = [];
    for await (const event of features.scan()) logged.push(event);
    expect(logged).toEqual([
      {
        id: '0fa30622729a25a0db8bd8ab94fb92e8',
        type: 'rating',
        userId: '1',
        itemId: '11',
        timestamp: 964982703000,
        value: 4,
        requestId: null,
      },
      { id: 'e-2', type: 'click', userId: '1', itemId: '12', timestamp: 1537783200000, value: null, requestId: 'req-1' },
      {
        id: 'edecfff8b521b98fa9d2d70ba8b6c95f',
        type: 'add_to_cart',
        userId: '2',
        itemId: '13',
        timestamp: 1537783200000,
        value: null,
        requestId: null,
      },
    ]);

    const again = await ingestFiles({ items: [items], events: [events] }, { catalog, features, embedder });
    expect(again.events).toEqual({ accepted: 0, duplicate: 3, rejected: 3, unknownItem: 1 });
    expect(await catalog.count()).toBe(4);
    expect(await features.count()).toBe(3);
  });

  it('stops at the first bad record with strict', async () => {
    const items = path.join(fixtures, 'ingestion/items.jsonl');
    await expect(ingestFiles({ items: [items] }, { catalog, features, embedder }, { strict: true })).rejects.toThrow(
      `${items}:4: not valid JSON:`,
    );
  });
});
