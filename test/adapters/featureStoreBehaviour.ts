import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { InteractionEvent } from '../../src/domain/event.js';
import { DECAY_LANDMARK_MS, decayedValue, HALF_LIVES } from '../../src/features/forwardDecay.js';
import type { EventLog } from '../../src/ports/eventLog.js';
import type { FeatureStore } from '../../src/ports/featureStore.js';
import type { Impression, ImpressionLog } from '../../src/ports/impressionLog.js';
import { event, EVENTS, ITEMS } from './support/eventFixture.js';

type Store = FeatureStore & EventLog & ImpressionLog;

const noCounts = { view: 0, click: 0, add_to_cart: 0, purchase: 0, rating: 0, impression: 0 };

/**
 * What every FeatureStore (and its EventLog) must do: one suite, run against each adapter, so
 * that the embedded store and Redis hold the same aggregates for the same events.
 */
export function describeFeatureStore(name: string, open: () => Promise<Store> | Store): void {
  describe(`${name}: FeatureStore behaviour`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store.close();
    });

    async function scanned(): Promise<InteractionEvent[]> {
      const events: InteractionEvent[] = [];
      for await (const e of store.scan()) events.push(e);
      return events;
    }

    it('counts each event once: a repeated batch, or an id repeated within a batch, is a duplicate', async () => {
      expect(await store.applyEvents(EVENTS, ITEMS)).toEqual({ applied: EVENTS.map((e) => e.id), duplicates: [], conflicts: [] });
      const before = await store.getItemStats(['i1', 'i2', 'i3', 'i4']);
      expect(await store.applyEvents(EVENTS, ITEMS)).toEqual({ applied: [], duplicates: EVENTS.map((e) => e.id), conflicts: [] });
      const retried = [event('e11', 'u1', 'i3', 'view', 5000), event('e11', 'u1', 'i3', 'view', 5000), EVENTS[0]!];
      expect(await store.applyEvents(retried, ITEMS)).toEqual({ applied: ['e11'], duplicates: ['e11', 'e1'], conflicts: [] });
      expect(await store.getItemStats(['i1', 'i2', 'i4'])).toEqual([before[0], before[1], before[3]]);
      expect((await store.getItemStats(['i3']))[0]!.counts.view).toBe(1);
      expect(await store.count()).toBe(11);
    });

    it('keeps exact item aggregates', async () => {
      await store.applyEvents(EVENTS, ITEMS);
      expect(await store.getItemStats(['i1', 'i2', 'i3', 'i4'])).toEqual([
        {
          itemId: 'i1',
          counts: { ...noCounts, view: 1, add_to_cart: 1, rating: 1, impression: 1 },
          // Events of 1970 are thousands of 7-day half-lives before the landmark: their decayed weight is 0.
          decayedCounts: noCounts,
          ratingSum: 5,
          ratingCount: 1,
          positiveUsers: 1, // u1 twice (rating 5, add to cart) is one user
          lastEventAt: 1600,
        },
        {
          itemId: 'i2',
          counts: { ...noCounts, click: 1, rating: 1, impression: 1 },
          decayedCounts: noCounts,
          ratingSum: 2,
          ratingCount: 1,
          positiveUsers: 1, // the rating of 2 is not positive, the click is
          lastEventAt: 3000,
        },
        { itemId: 'i3', counts: { ...noCounts, click: 1, purchase: 1 }, decayedCounts: noCounts, ratingSum: 0, ratingCount: 0, positiveUsers: 2, lastEventAt: 4500 },
        { itemId: 'i4', counts: { ...noCounts, rating: 1 }, decayedCounts: noCounts, ratingSum: 4, ratingCount: 1, positiveUsers: 1, lastEventAt: 4000 },
      ]);
    });

    it('returns stats in the order asked, null for unknown items', async () => {
      await store.applyEvents(EVENTS, ITEMS);
      const stats = await store.getItemStats(['i3', 'nope', 'i3']);
      expect(stats.map((s) => s?.itemId ?? null)).toEqual(['i3', null, 'i3']);
      expect(await store.getItemStats([])).toEqual([]);
    });

    it('keeps exact user profiles', async () => {
      await store.applyEvents(EVENTS, ITEMS);
      const [u1, u2, u3, u4] = await store.getUserProfiles(['u1', 'u2', 'u3', 'u4']);
      expect(u1).toEqual({
        userId: 'u1',
        eventCount: 4,
        positiveCount: 3,
        ratingSum: 7,
        ratingCount: 2,
        recentPositives: [
          { itemId: 'i2', type: 'click', value: null, timestamp: 3000 },
          { itemId: 'i1', type: 'rating', value: 5, timestamp: 1000 },
          { itemId: 'i1', type: 'add_to_cart', value: null, timestamp: 500 },
        ],
        seenItemIds: new Set(['i1', 'i2']),
        // Comedy from two positives on i1; i2's click split between Action and Crime.
        categoryAffinity: { Comedy: expect.closeTo(2 / 3, 12), Action: expect.closeTo(1 / 6, 12), Crime: expect.closeTo(1 / 6, 12) },
        // Seconds apart on a 180-day half-life: the decayed shares are the same to 6 places.
        recentCategoryAffinity: { Comedy: expect.closeTo(2 / 3, 6), Action: expect.closeTo(1 / 6, 6), Crime: expect.closeTo(1 / 6, 6) },
        firstEventAt: 500,
        lastEventAt: 3000,
      });
      expect(u2).toEqual({
        userId: 'u2',
        eventCount: 4,
        positiveCount: 1,
        ratingSum: 0,
        ratingCount: 0,
        recentPositives: [{ itemId: 'i3', type: 'purchase', value: null, timestamp: 2500 }],
        seenItemIds: new Set(['i1', 'i3']), // impressions are not "seen"
        categoryAffinity: { Comedy: 0.5, Drama: 0.5 },
        recentCategoryAffinity: { Comedy: 0.5, Drama: 0.5 },
        firstEventAt: 100,
        lastEventAt: 2500,
      });
      expect(u3).toEqual({
        userId: 'u3',
        eventCount: 2,
        positiveCount: 2,
        ratingSum: 4,
        ratingCount: 1,
        recentPositives: [
          { itemId: 'i3', type: 'click', value: null, timestamp: 4500 },
          { itemId: 'i4', type: 'rating', value: 4, timestamp: 4000 },
        ],
        seenItemIds: new Set(['i3', 'i4']),
        categoryAffinity: { Comedy: 0.5, Drama: 0.5 }, // i4 has no known categories
        recentCategoryAffinity: { Comedy: 0.5, Drama: 0.5 },
        firstEventAt: 4000,
        lastEventAt: 4500,
      });
      expect(u4).toBeNull();
    });

    it('keeps time-decayed counts and category affinity that read back as decayed at any now', async () => {
      const DAY = 86_400_000;
      const t0 = DECAY_LANDMARK_MS + 100 * DAY;
      await store.applyEvents(
        [
          event('d1', 'u7', 'i1', 'click', t0),
          event('d2', 'u7', 'i1', 'click', t0 + 7 * DAY),
          event('d3', 'u8', 'i1', 'view', t0 + 14 * DAY),
          event('d4', 'u7', 'i2', 'purchase', t0 + 180 * DAY), // Action and Crime, one 180-day half-life later
        ],
        ITEMS,
      );
      const [i1] = await store.getItemStats(['i1']);
      const at = (sum: number, now: number) => decayedValue(sum, now, HALF_LIVES.itemInteractions);
      // Seen from the second click: 1/2 + 1; a week later all of it has halved.
      expect(at(i1!.decayedCounts.click, t0 + 7 * DAY)).toBeCloseTo(1.5, 9);
      expect(at(i1!.decayedCounts.click, t0 + 14 * DAY)).toBeCloseTo(0.75, 9);
      expect(at(i1!.decayedCounts.view, t0 + 14 * DAY)).toBeCloseTo(1, 9);
      expect(i1!.counts.click).toBe(2);
      const [u7] = await store.getUserProfiles(['u7']);
      // Comedy (i1) twice at weight 1/2 (t0 and t0 + 7 days, roughly), Action and Crime at weight 1 x 1/2 each.
      const comedy = 2 ** (-180 / 180) + 2 ** (-173 / 180);
      const total = comedy + 1;
      expect(u7!.recentCategoryAffinity).toEqual({
        Comedy: expect.closeTo(comedy / total, 9),
        Action: expect.closeTo(0.5 / total, 9),
        Crime: expect.closeTo(0.5 / total, 9),
      });
      expect(u7!.categoryAffinity).toEqual({ Comedy: expect.closeTo(2 / 3, 12), Action: expect.closeTo(1 / 6, 12), Crime: expect.closeTo(1 / 6, 12) });
    });

    it('returns the 50 most recent positives, most recent first', async () => {
      const clicks = Array.from({ length: 60 }, (_, i) => event(`c${i}`, 'u5', `item${i}`, 'click', 10_000 + i));
      await store.applyEvents([...clicks].reverse(), ITEMS);
      const [profile] = await store.getUserProfiles(['u5']);
      expect(profile!.positiveCount).toBe(60);
      expect(profile!.recentPositives).toHaveLength(50);
      expect(profile!.recentPositives[0]).toEqual({ itemId: 'item59', type: 'click', value: null, timestamp: 10_059 });
      expect(profile!.recentPositives[49]).toEqual({ itemId: 'item10', type: 'click', value: null, timestamp: 10_010 });
      expect(profile!.seenItemIds.size).toBe(60);
    });

    it('orders popular items by positive users, then ratings, then id, and pages', async () => {
      await store.applyEvents(EVENTS, ITEMS);
      expect(await store.popular(10, 0)).toEqual([
        { id: 'i3', score: 2 },
        { id: 'i1', score: 1 },
        { id: 'i2', score: 1 },
        { id: 'i4', score: 1 },
      ]);
      expect(await store.popular(2, 1)).toEqual([
        { id: 'i1', score: 1 },
        { id: 'i2', score: 1 },
      ]);
      expect(await store.popular(5, 4)).toEqual([]);
      expect(await store.popular(0, 0)).toEqual([]);
    });

    it('forgets items: stats, popularity, histories and seen sets; user totals and the log stay', async () => {
      await store.applyEvents(EVENTS, ITEMS);
      await store.forgetItems(['i1', 'nope']);
      expect(await store.getItemStats(['i1'])).toEqual([null]);
      expect((await store.popular(10, 0)).map((hit) => hit.id)).toEqual(['i3', 'i2', 'i4']);
      const [u1] = await store.getUserProfiles(['u1']);
      expect(u1!.recentPositives).toEqual([{ itemId: 'i2', type: 'click', value: null, timestamp: 3000 }]);
      expect(u1!.seenItemIds).toEqual(new Set(['i2']));
      expect(u1!.eventCount).toBe(4);
      expect(await store.count()).toBe(10);
      // Events on a forgotten item are still idempotent: the log remembers their ids.
      expect(await store.applyEvents([EVENTS[0]!], ITEMS)).toEqual({ applied: [], duplicates: ['e1'], conflicts: [] });
    });

    it('tells an id reused with other content (a conflict) from a resend, in one batch and across batches', async () => {
      const [first] = EVENTS;
      const sameButRestamped = { ...first!, timestamp: first!.timestamp + 60_000, requestId: 'resent' };
      const otherItem = { ...first!, itemId: 'i2' };
      const otherValue = event('x1', 'u1', 'i1', 'rating', 1000, 4);
      expect(await store.applyEvents([first!, otherItem, event('x1', 'u1', 'i1', 'rating', 1000, 3)], ITEMS)).toEqual({ applied: ['e1', 'x1'], duplicates: [], conflicts: ['e1'] });
      expect(await store.applyEvents([sameButRestamped, otherValue, { ...first!, type: 'purchase' }], ITEMS)).toEqual({ applied: [], duplicates: ['e1'], conflicts: ['x1', 'e1'] });
      expect(await store.count()).toBe(2);
      expect((await store.getItemStats(['i2']))[0]).toBeNull();
      expect((await store.getUserProfiles(['u1']))[0]!.eventCount).toBe(2);
    });

    it('refuses a malformed event and applies nothing of its batch', async () => {
      const bad = { ...event('x2', 'u1', 'i1', 'view', 1), type: 'like' } as unknown as InteractionEvent;
      await expect(store.applyEvents([event('x1', 'u1', 'i1', 'view', 1), bad], ITEMS)).rejects.toThrow(
        'events[1] ("x2"): type must be one of view, click, add_to_cart, purchase, rating, impression',
      );
      expect(await store.count()).toBe(0);
      expect(await store.getUserProfiles(['u1'])).toEqual([null]);
    });

    it('logs impressions once per request id and returns them by id, null for unknown ones', async () => {
      const shown: Impression = {
        requestId: 'req-a',
        surface: 'recommendations',
        userId: 'u1',
        timestamp: 1_700_000_000_000,
        modelVersion: 'hand-set-recommend-3',
        items: [
          { itemId: 'i2', position: 0, score: 0.75, features: { rrf: 0.03, seen_before: 0 } },
          { itemId: 'i1', position: 1, score: 0.5, features: { rrf: 0.016, seen_before: 1 } },
        ],
      };
      await store.logImpression(shown);
      await store.logImpression({ ...shown, items: [] }); // the same id again: the first entry stays
      await store.logImpression({ ...shown, requestId: 'req-b', surface: 'search', userId: null });
      expect(await store.getImpressions(['req-b', 'nope', 'req-a'])).toEqual([{ ...shown, requestId: 'req-b', surface: 'search', userId: null }, null, shown]);
      expect(await store.getImpressions([])).toEqual([]);
      expect(await store.count()).toBe(0); // impressions of lists are not events
    });

    it('reads logged impressions back by serving time, in pages, from inclusive and to exclusive', async () => {
      const at = 1_700_000_000_000;
      const list = (requestId: string, timestamp: number): Impression => ({
        requestId,
        surface: 'recommendations',
        userId: 'u1',
        timestamp,
        modelVersion: 'm',
        items: [{ itemId: 'i1', position: 0, score: 0.5, features: { rrf: 0.01 } }],
      });
      // Logged out of time order, two at the same time: the order is time, then request id.
      for (const [id, offset] of [['r4', 3000], ['r2', 1000], ['r1b', 0], ['r3', 2000], ['r1a', 0]] as const) await store.logImpression(list(id, at + offset));
      await store.logImpression(list('r2', at + 9000)); // logged again: keeps its first time
      const read = async (from: number | null, to: number | null): Promise<string[]> => {
        const ids: string[] = [];
        for await (const impression of store.scanImpressions({ from, to })) ids.push(`${impression.requestId}@${impression.timestamp - at}`);
        return ids;
      };
      expect(await read(null, null)).toEqual(['r1a@0', 'r1b@0', 'r2@1000', 'r3@2000', 'r4@3000']);
      expect(await read(at + 1000, at + 3000)).toEqual(['r2@1000', 'r3@2000']);
      expect(await read(at, at + 1)).toEqual(['r1a@0', 'r1b@0']);
      expect(await read(at + 3001, null)).toEqual([]);
    });

    it('logs every applied event, in the order recorded', async () => {
      await store.applyEvents(EVENTS.slice(0, 4), ITEMS);
      await store.applyEvents(EVENTS, ITEMS);
      expect(await scanned()).toEqual(EVENTS);
      expect(await store.count()).toBe(10);
    });
  });
}
