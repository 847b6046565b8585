import { describe, expect, it } from '@jest/globals';
import type { EventType, InteractionEvent } from '../../src/domain/event.js';
import { examplesFromPage } from '../../src/training/ranker/examplesFromPage.js';
import { impressionExamples } from '../../src/training/ranker/impressionExamples.js';
import { impressionLabels } from '../../src/training/ranker/impressionLabels.js';
import type { Impression } from '../../src/ports/impressionLog.js';

let next = 0;
function event(type: EventType, userId: string, itemId: string, timestamp: number, requestId: string | null, value: number | null = null): InteractionEvent {
  next += 1;
  return { id: `e${next}`, type, userId, itemId, timestamp, value, requestId };
}

const MINUTE = 60_000;

describe('impressionLabels (impressions joined with what followed them)', () => {
  const events = [
    // Request r1 showed u1 items a, b, c.
    event('impression', 'u1', 'a', 0, 'r1'),
    event('impression', 'u1', 'b', 0, 'r1'),
    event('impression', 'u1', 'c', 0, 'r1'),
    event('click', 'u1', 'a', MINUTE, 'r1'), // positive by requestId
    event('purchase', 'u1', 'b', 30 * MINUTE, null), // no requestId, inside the window
    event('view', 'u1', 'c', MINUTE, 'r1'), // a view is not a positive
    // Request r2 showed u1 item c again, and u2 item a.
    event('impression', 'u1', 'c', 2 * MINUTE, 'r2'),
    event('impression', 'u2', 'a', 2 * MINUTE, 'r3'),
    event('rating', 'u1', 'c', 3 * MINUTE, 'r2', 3.5), // a rating under 4 is not
    event('rating', 'u2', 'a', 3 * MINUTE, 'r3', 4.5), // 4 or more is
    event('click', 'u2', 'd', 3 * MINUTE, 'r3'), // d was never shown to u2: no example
    event('add_to_cart', 'u1', 'c', 5 * 60 * MINUTE, null), // after the window
    event('impression', 'u3', 'a', 0, null), // cannot be grouped
  ];

  it('groups impressions by request and labels what the same user engaged with', () => {
    const labelled = impressionLabels(events, { attributionWindowMs: 60 * MINUTE });
    expect(labelled.map((r) => ({ id: r.id, userId: r.userId, shown: [...r.shown!].sort(), positives: [...r.positives].sort() }))).toEqual([
      { id: 'r1', userId: 'u1', shown: ['a', 'b', 'c'], positives: ['a', 'b'] },
      { id: 'r2', userId: 'u1', shown: ['c'], positives: [] },
      { id: 'r3', userId: 'u2', shown: ['a'], positives: ['a'] },
    ]);
  });

  it('a positive without a requestId counts only within the attribution window after the impression', () => {
    const narrow = impressionLabels(events, { attributionWindowMs: 10 * MINUTE });
    expect([...narrow[0]!.positives]).toEqual(['a']);
    const wide = impressionLabels(events, { attributionWindowMs: 6 * 60 * MINUTE });
    expect([...wide[1]!.positives]).toEqual(['c']);
  });
});

describe('examplesFromPage', () => {
  const page = ['x', 'y', 'z'].map((itemId, i) => ({
    itemId,
    contributions: [
      { name: 'b', value: 10 + i, standardizedValue: 0, weight: 0, contribution: 0 },
      { name: 'a', value: i, standardizedValue: 0, weight: 0, contribution: 0 },
    ],
  }));

  it('reads the served feature values in the given order and labels the positives', () => {
    const group = examplesFromPage({ id: 'u1', userId: 'u1', shown: null, positives: new Set(['y']) }, page, ['a', 'b']);
    expect(group.itemIds).toEqual(['x', 'y', 'z']);
    expect(group.rows.map((row) => [...row])).toEqual([
      [0, 10],
      [1, 11],
      [2, 12],
    ]);
    expect([...group.labels]).toEqual([0, 1, 0]);
  });

  it('keeps only the items a request showed, when it says which', () => {
    const group = examplesFromPage({ id: 'r1', userId: 'u1', shown: new Set(['z', 'x', 'gone']), positives: new Set(['z']) }, page, ['a']);
    expect(group.itemIds).toEqual(['x', 'z']);
    expect([...group.labels]).toEqual([0, 1]);
  });

  it('says which feature a served item lacks', () => {
    expect(() => examplesFromPage({ id: 'u1', userId: 'u1', shown: null, positives: new Set() }, page, ['a', 'impression_ctr'])).toThrow(
      'item x of request u1 has no value for feature impression_ctr',
    );
  });
});

describe('impressionExamples (logged lists joined with what followed them)', () => {
  const list = (requestId: string, timestamp: number, userId: string | null, items: [string, number][], surface: Impression['surface'] = 'recommendations'): Impression => ({
    requestId,
    surface,
    userId,
    timestamp,
    modelVersion: 'm',
    items: items.map(([itemId, x], position) => ({ itemId, position, score: 0, features: { rrf: x, other: -x } })),
  });
  const lists = [
    list('late', 3000, 'u2', [['a', 0.3], ['b', 0.4]]),
    list('early', 1000, 'u1', [['a', 0.1], ['b', 0.2]]),
    list('middle', 2000, 'u1', [['c', 0.5], ['d', 0.6]]),
    list('quiet', 2500, 'u3', [['a', 0.7]]), // nothing followed it
    list('search', 1500, 'u1', [['a', 1]], 'search'),
    list('anonymous', 1500, null, [['a', 1]]),
    { ...list('old-model', 1500, 'u1', [['a', 1]]), items: [{ itemId: 'a', position: 0, score: 0, features: { rrf: 1 } }] },
  ];
  const followed = [
    event('click', 'u1', 'b', 1100, 'early'),
    event('purchase', 'u1', 'c', 2100, null), // no requestId, inside the window of "middle"
    event('click', 'u2', 'a', 3100, 'late'),
    event('click', 'u3', 'a', 2600, 'elsewhere'), // another request's click
  ];

  it('takes the logged feature values as rows, labels them, and validates on the latest lists', () => {
    const examples = impressionExamples(lists, followed, ['rrf', 'other'], { attributionWindowMs: MINUTE, validationFraction: 0.34 });
    expect(examples.counts).toEqual({ read: 7, usable: 4, otherSurface: 2, otherFeatures: 1, withoutPositive: 1, pinnedLeftOut: 0 });
    expect(examples.train.groups.map((group) => [group.id, group.itemIds, group.rows.map((row) => [...row]), [...group.labels]])).toEqual([
      ['early', ['a', 'b'], [[0.1, -0.1], [0.2, -0.2]], [0, 1]],
      ['middle', ['c', 'd'], [[0.5, -0.5], [0.6, -0.6]], [1, 0]],
    ]);
    expect(examples.validation.groups.map((group) => [group.id, [...group.labels]])).toEqual([['late', [1, 0]]]);
    expect(examples.trainingWindow).toEqual({ from: new Date(1000).toISOString(), to: new Date(2000).toISOString() });
    expect(examples.validationWindow).toEqual({ from: new Date(3000).toISOString(), to: new Date(3000).toISOString() });
  });

  it("leaves out items a pin rule placed: their place was the rule's, not the ranker's", () => {
    const pinnedFirst = (impression: Impression): Impression => ({ ...impression, items: impression.items.map((item, i) => (i === 0 ? { ...item, pinned: true as const } : item)) });
    // "early" showed a (pinned) and b; "middle" c (pinned, then purchased) and d: the purchase
    // of a pinned item labels nothing, so "middle" has no positive left.
    const withPins = lists.map((impression) => (impression.requestId === 'early' || impression.requestId === 'middle' ? pinnedFirst(impression) : impression));
    const examples = impressionExamples(withPins, followed, ['rrf', 'other'], { attributionWindowMs: MINUTE, validationFraction: 0.5 });
    expect(examples.counts).toEqual({ read: 7, usable: 4, otherSurface: 2, otherFeatures: 1, withoutPositive: 2, pinnedLeftOut: 2 });
    expect(examples.train.groups.map((group) => [group.id, group.itemIds, [...group.labels]])).toEqual([['early', ['b'], [1]]]);
    expect(examples.validation.groups.map((group) => [group.id, group.itemIds])).toEqual([['late', ['a', 'b']]]);
  });

  it('says when there are too few lists with a positive to split', () => {
    expect(() => impressionExamples(lists.slice(0, 1), followed, ['rrf', 'other'], { attributionWindowMs: MINUTE, validationFraction: 0.2 })).toThrow(
      '1 logged recommendation lists with a positive after them (of 1 read) cannot be split into training and validation; log more (IMPRESSION_SAMPLE_RATE) or wait for more clicks',
    );
  });
});
