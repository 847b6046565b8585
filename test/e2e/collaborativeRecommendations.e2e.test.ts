import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../src/app/openApp.js';
import { trainItem2vec, type Item2vecRun } from '../../src/app/trainItem2vec.js';
import type { EventInput, RecommendRequest, ResultPage } from '../../src/pipeline/requests.js';
import { uint32Random } from '../../src/training/uint32Random.js';
import { fixtureConfig } from '../support/fixtureGateway.js';

/**
 * A synthetic catalog whose only structure is who liked what: three clusters of twelve items
 * with look-alike titles and one shared category, and users who each like items of one
 * cluster only. Text, categories and popularity cannot tell the clusters apart; item2vec can.
 */
const CLUSTERS = ['a', 'b', 'c'];
const PER_CLUSTER = 12;
const USERS_PER_CLUSTER = 25;

function rating(userId: string, itemId: string, timestamp: number): EventInput {
  return { id: null, type: 'rating', userId, itemId, timestamp, value: 5, requestId: null };
}

describe('item2vec recommendations on a catalog whose clusters only the event log knows', () => {
  let app: App;
  let dataDir: string;
  let run: Item2vecRun;
  let clock = Date.UTC(2024, 0, 1);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'item2vec-e2e-'));
    app = await openApp(fixtureConfig(dataDir, { SEED_MOVIELENS: 'none' }));
    await app.gateway.upsertItems(
      CLUSTERS.flatMap((cluster) =>
        Array.from({ length: PER_CLUSTER }, (_, i) => ({ id: `${cluster}${i}`, title: `Film number ${cluster}${i}`, text: '', categories: ['Drama'], tags: [], year: 2000 })),
      ),
    );
    const random = uint32Random(11);
    const events: EventInput[] = [];
    for (const cluster of CLUSTERS) {
      for (let u = 0; u < USERS_PER_CLUSTER; u += 1) {
        const liked = new Set<number>();
        while (liked.size < 6) liked.add(random() % PER_CLUSTER);
        for (const i of liked) events.push(rating(`${cluster}-fan-${u}`, `${cluster}${i}`, (clock += 1000)));
      }
    }
    events.push(...['a0', 'a1', 'a2'].map((id) => rating('target', id, (clock += 1000))));
    expect((await app.gateway.recordEvents(events)).every((outcome) => outcome.status === 'accepted')).toBe(true);
    run = await trainItem2vec({ catalog: app.stores.catalog, events: app.stores.features }, { dimension: 16, window: 6, minCount: 2, subsample: 0, epochs: 10 });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const recommend = (userId: string, first = 5): Promise<ResultPage> => {
    const request: RecommendRequest = { userId, itemIds: [], filter: null, diversity: 0, offset: 0, first };
    return app.gateway.recommend(request, app.gateway.createScope());
  };
  const collaborativeIds = (page: ResultPage) =>
    page.items.filter((item) => item.hits.some((hit) => hit.source === 'collaborative')).map((item) => item.itemId);

  it('trains a vector for every item from the users’ sequences', async () => {
    expect(run).toMatchObject({ events: 3 * USERS_PER_CLUSTER * 6 + 3, sequences: 3 * USERS_PER_CLUSTER + 1, likedItems: 36, trainedItems: 36, stored: 36 });
    expect(await app.stores.catalog.collaborativeDimension()).toBe(16);
  });

  it('recommends items of the cluster of a user whose history is one cluster, found by the collaborative source', async () => {
    const page = await recommend('target');
    expect(page.items.map((item) => item.itemId[0])).toEqual(['a', 'a', 'a', 'a', 'a']);
    expect(collaborativeIds(page)).toEqual(page.items.map((item) => item.itemId));
    expect(page.items.map((item) => item.itemId)).not.toContain('a0');
  });

  it('moves the profile as soon as new events arrive, without retraining', async () => {
    await app.gateway.recordEvents(['b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((id) => rating('target', id, (clock += 1000))));
    const page = await recommend('target');
    expect(page.items.map((item) => item.itemId[0])).toEqual(['b', 'b', 'b', 'b', 'b']);
  });

  it('blends collaborative and text neighbours in similar items', async () => {
    const page = await app.gateway.similar({ itemId: 'c3', filter: null, offset: 0, first: 5 }, app.gateway.createScope());
    // Here text knows nothing (look-alike titles), so its neighbours come from any cluster; the
    // collaborative space puts c3's cluster ahead of every other, and that cluster holds the
    // majority of the page.
    const collaborativeScore = (item: ResultPage['items'][number]) => item.hits.find((hit) => hit.source === 'collaborative')?.score ?? -1;
    const ofCluster = page.items.filter((item) => item.itemId[0] === 'c');
    const others = page.items.filter((item) => item.itemId[0] !== 'c');
    expect(ofCluster.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...ofCluster.map(collaborativeScore))).toBeGreaterThan(Math.max(...others.map(collaborativeScore)));
    const sources = new Set(page.items.flatMap((item) => item.hits.map((hit) => hit.source)));
    expect([...sources].sort()).toEqual(['collaborative', 'item_similarity', 'lexical']);
  });

  it('falls back to text and popularity for an item added after training', async () => {
    await app.gateway.upsertItems([{ id: 'new', title: 'Film number new', text: '', categories: ['Drama'], tags: [], year: 2000 }]);
    const page = await app.gateway.similar({ itemId: 'new', filter: null, offset: 0, first: 5 }, app.gateway.createScope());
    const sources = new Set(page.items.flatMap((item) => item.hits.map((hit) => hit.source)));
    expect([...sources].sort()).toEqual(['item_similarity', 'lexical', 'popularity']);
  });
});
