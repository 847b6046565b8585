import { describe, expect, it } from '@jest/globals';
import type { Item } from '../../src/domain/item.js';
import type { RankedItem, ScoredCandidate } from '../../src/domain/scoredItem.js';
import { capCategories, excludeByRules, pinItems, shiftByRules } from '../../src/reranking/applyRerankRules.js';
import { parseRerankRules } from '../../src/reranking/parseRerankRules.js';
import { rerank } from '../../src/reranking/rerank.js';
import { NO_RERANK_RULES, rulesFor, type RerankRules } from '../../src/reranking/rerankRules.js';

/** Five films, best first: logits 2, 1, 0, -1, -2. */
const CATEGORIES: Record<string, string[]> = { a: ['Drama'], b: ['Drama'], c: ['Drama', 'Horror'], d: ['Comedy'], e: ['Horror'] };
const payloadOf = (id: string): Item => ({ id, title: id, text: '', categories: CATEGORIES[id]!, tags: [], year: null, createdAt: 0 });
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function scored(id: string, logit: number): ScoredCandidate {
  return { itemId: id, fusedScore: 0, hits: [], score: sigmoid(logit), logit, bias: 0, contributions: [], modelVersion: 'm' };
}
const RANKED: ScoredCandidate[] = [scored('a', 2), scored('b', 1), scored('c', 0), scored('d', -1), scored('e', -2)];
const LIST: RankedItem[] = RANKED.map((item) => ({ ...item, finalScore: item.score, rerank: [] }));
const ids = (list: readonly RankedItem[]) => list.map((item) => item.itemId);
const notes = (list: readonly RankedItem[], id: string) => list.find((item) => item.itemId === id)!.rerank;
const horror = { must: [{ key: 'category' as const, match: { value: 'Horror' } }] };
const all = ['search', 'recommend', 'similar'] as const;

describe('business rules', () => {
  it('exclude drops matching items; those that moved up say how many went', () => {
    const out = excludeByRules(LIST, [{ kind: 'exclude', name: 'no-horror', filter: horror, surfaces: all }], payloadOf);
    expect(ids(out)).toEqual(['a', 'b', 'd']);
    expect(notes(out, 'a')).toEqual([]);
    expect(notes(out, 'd')).toEqual([{ step: 'exclude', rankBefore: 4, rankAfter: 3, detail: '1 result(s) above removed by rule "no-horror"' }]);
  });

  it('boost adds to the logit: d (logit −1 + 2.5 = 1.5) passes b (1) and c (0)', () => {
    const comedy = { must: [{ key: 'category' as const, match: { value: 'Comedy' } }] };
    const out = shiftByRules(LIST, [{ kind: 'boost', name: 'comedy-week', filter: comedy, by: 2.5, surfaces: all }], payloadOf);
    expect(ids(out)).toEqual(['a', 'd', 'b', 'c', 'e']);
    expect(out[1]!.finalScore).toBeCloseTo(sigmoid(1.5), 12);
    expect(out[1]!.score).toBeCloseTo(sigmoid(-1), 12);
    expect(notes(out, 'd')).toEqual([{ step: 'boost', rankBefore: 4, rankAfter: 2, detail: 'rule "comedy-week": logit +2.5 → score 0.8176' }]);
    expect(notes(out, 'b')).toEqual([{ step: 'boost', rankBefore: 2, rankAfter: 3, detail: 'moved down: boost or bury rules moved other results past it' }]);
    expect(notes(out, 'a')).toEqual([]);
  });

  it('bury takes from the logit: c (0 − 1.5) falls below d (−1)', () => {
    const out = shiftByRules(LIST, [{ kind: 'bury', name: 'less-horror', filter: horror, by: 1.5, surfaces: all }], payloadOf);
    expect(ids(out)).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(notes(out, 'c')).toEqual([{ step: 'bury', rankBefore: 3, rankAfter: 4, detail: 'rule "less-horror": logit -1.5 → score 0.1824' }]);
    // e matched too and did not move, but its score changed: the explanation says so.
    expect(notes(out, 'e')).toEqual([{ step: 'bury', rankBefore: 5, rankAfter: 5, detail: 'rule "less-horror": logit -1.5 → score 0.0293' }]);
  });

  it('pin puts an item at its position and the others shift down', () => {
    const out = pinItems(LIST, [{ kind: 'pin', name: 'promo', itemId: 'e', position: 2, surfaces: all }, { kind: 'pin', name: 'absent', itemId: 'zz', position: 1, surfaces: all }]);
    expect(ids(out)).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(notes(out, 'e')).toEqual([{ step: 'pin', rankBefore: 5, rankAfter: 2, detail: 'pinned to position 2 by rule "promo"' }]);
    expect(notes(out, 'b')).toEqual([{ step: 'pin', rankBefore: 2, rankAfter: 3, detail: 'moved down: a pinned result took a place above' }]);
  });

  it('a pin past the end of the list puts the item last', () => {
    expect(ids(pinItems(LIST, [{ kind: 'pin', name: 'far', itemId: 'a', position: 50, surfaces: all }]))).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('category caps: at most 2 Drama, then the results that fit, then the rest', () => {
    const out = capCategories(LIST, { default: null, perCategory: { Drama: 2 } }, payloadOf);
    expect(ids(out)).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(notes(out, 'c')).toEqual([
      { step: 'category_cap', rankBefore: 3, rankAfter: 5, detail: 'category cap: 2 "Drama" result(s) already above or pinned; placed after the results that fit' },
    ]);
    expect(notes(out, 'd')).toEqual([{ step: 'category_cap', rankBefore: 4, rankAfter: 3, detail: 'moved up: results over a category cap went below' }]);
  });

  it('a default cap applies to every category; a per-category cap overrides it', () => {
    expect(ids(capCategories(LIST, { default: 1, perCategory: {} }, payloadOf))).toEqual(['a', 'd', 'e', 'b', 'c']);
    expect(ids(capCategories(LIST, { default: 1, perCategory: { Drama: 3 } }, payloadOf))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rerank runs exclude, boost and bury, MMR, caps, then pins, and the notes accumulate', () => {
    const rules = parseRerankRules({
      rules: [
        { kind: 'exclude', name: 'no-e', filter: { must: [{ key: 'id', match: { value: 'e' } }] } },
        { kind: 'boost', name: 'horror-night', filter: horror, by: 3 },
        { kind: 'pin', name: 'promo', itemId: 'd', position: 1, surfaces: ['recommend'] },
      ],
      categoryCaps: { Drama: 1 },
    });
    const keyOf = (id: string) => ({ vector: null, categories: CATEGORIES[id]! });
    const recommend = rerank(RANKED, payloadOf, keyOf, { rules: rulesFor(rules, 'recommend'), lambda: 0, limit: 5 });
    // boost: c (0 + 3) leads; cap: one Drama (c) placed, a and b go last; pin: d first.
    expect(ids(recommend)).toEqual(['d', 'c', 'a', 'b']);
    expect(notes(recommend, 'c').map((note) => note.step)).toEqual(['boost', 'pin']);
    expect(notes(recommend, 'd').map((note) => note.step)).toEqual(['category_cap', 'pin']);
    // The pin is for recommendations only.
    const search = rerank(RANKED, payloadOf, keyOf, { rules: rulesFor(rules, 'search'), lambda: 0, limit: 5 });
    expect(ids(search)).toEqual(['c', 'd', 'a', 'b']);
  });

  describe('pins count against category caps; the caps fill the other places', () => {
    const keyOf = (id: string) => ({ vector: null, categories: CATEGORIES[id]! });
    const run = (json: unknown) => rerank(RANKED, payloadOf, keyOf, { rules: parseRerankRules(json), lambda: 0, limit: 5 });
    const drama = (list: readonly RankedItem[], n: number) => list.slice(0, n).filter((item) => CATEGORIES[item.itemId]!.includes('Drama')).length;

    it('Drama cap 2 with c (Drama, Horror) pinned first: a fills the second Drama place, b goes after the results that fit', () => {
      const out = run({ rules: [{ kind: 'pin', name: 'promo', itemId: 'c', position: 1 }], categoryCaps: { Drama: 2 } });
      // Before: caps first ([a, b, d, e, c]), then the pin put c above a and b: three Drama in the top 3.
      expect(ids(out)).toEqual(['c', 'a', 'd', 'e', 'b']);
      for (let n = 1; n <= 4; n++) expect(drama(out, n)).toBeLessThanOrEqual(2);
      expect(notes(out, 'b')).toEqual([
        { step: 'category_cap', rankBefore: 2, rankAfter: 5, detail: 'category cap: 2 "Drama" result(s) already above or pinned; placed after the results that fit' },
      ]);
      expect(notes(out, 'c').map((note) => note.step)).toEqual(['category_cap', 'pin']);
    });

    it('default cap 1 with b (Drama) pinned at 2: one result per category in the places shown', () => {
      const out = run({ rules: [{ kind: 'pin', name: 'promo', itemId: 'b', position: 2 }], categoryCaps: { default: 1 } });
      // a and c are Drama like the pin: both go after d (Comedy) and e (Horror).
      expect(ids(out)).toEqual(['d', 'b', 'e', 'a', 'c']);
      expect(notes(out, 'a')[0]).toEqual({
        step: 'category_cap',
        rankBefore: 1,
        rankAfter: 4,
        detail: 'category cap: 1 "Drama" result(s) already above or pinned; placed after the results that fit',
      });
    });

    it('pins alone over a cap hold their places, and their explanation says the cap was exceeded', () => {
      const out = run({
        rules: [
          { kind: 'pin', name: 'first', itemId: 'a', position: 1 },
          { kind: 'pin', name: 'second', itemId: 'b', position: 2 },
        ],
        categoryCaps: { Drama: 1 },
      });
      expect(ids(out)).toEqual(['a', 'b', 'd', 'e', 'c']);
      const over = 'pinned over the category cap: 2 "Drama" results are pinned, the cap is 1; pins hold their places';
      expect(notes(out, 'a')).toEqual([
        { step: 'category_cap', rankBefore: 1, rankAfter: 1, detail: over },
        { step: 'pin', rankBefore: 1, rankAfter: 1, detail: 'pinned to position 1 by rule "first"' },
      ]);
      expect(notes(out, 'b')[0]).toEqual({ step: 'category_cap', rankBefore: 2, rankAfter: 2, detail: over });
    });

    it('an item pinned twice takes its higher place once', () => {
      const out = pinItems(LIST, [
        { kind: 'pin', name: 'low', itemId: 'e', position: 4, surfaces: all },
        { kind: 'pin', name: 'high', itemId: 'e', position: 2, surfaces: all },
      ]);
      expect(ids(out)).toEqual(['a', 'e', 'b', 'c', 'd']);
    });
  });

  it('with caps and diversity, the first places do not depend on how many are asked for (pages agree)', () => {
    // Seven items, logits 2 down to −1; with MMR over the first 4 places only, the cap on the
    // third A item would fill place 4 from the ranker's order (e), not MMR's (f).
    const cats: Record<string, string[]> = { a: ['A'], b: ['A'], c: ['A', 'D'], d: ['C'], e: ['C'], f: ['D'], g: ['B', 'C'] };
    const seven = Object.keys(cats).map((id, i) => scored(id, 2 - i / 2));
    const items = (id: string): Item => ({ ...payloadOf('a'), id, categories: cats[id]! });
    const rules: RerankRules = { rules: [], categoryCaps: { default: 2, perCategory: {} } };
    const page = (limit: number) => ids(rerank(seven, items, (id) => ({ vector: null, categories: cats[id]! }), { rules, lambda: 0.4, limit }));
    const full = page(7);
    expect(full.slice(0, 4)).toEqual(['a', 'd', 'c', 'f']);
    for (let k = 1; k < 7; k++) expect(page(k).slice(0, k)).toEqual(full.slice(0, k));
  });

  it('no rules and no diversity leave the ranker order and scores alone', () => {
    const out = rerank(RANKED, payloadOf, () => ({ vector: null, categories: [] }), { rules: NO_RERANK_RULES, lambda: 0, limit: 5 });
    expect(out.map((item) => [item.itemId, item.finalScore, item.rerank.length])).toEqual(RANKED.map((item) => [item.itemId, item.score, 0]));
  });
});

describe('parseRerankRules', () => {
  it('reads rules with surfaces defaulting to all, and caps with a default', () => {
    const rules: RerankRules = parseRerankRules({
      rules: [{ kind: 'bury', name: 'old', filter: { must: [{ key: 'year', range: { lt: 1970 } }] }, by: 1 }],
      categoryCaps: { default: 3, Horror: 1 },
    });
    expect(rules.rules[0]!.surfaces).toEqual(['search', 'recommend', 'similar']);
    expect(rules.categoryCaps).toEqual({ default: 3, perCategory: { Horror: 1 } });
  });

  it.each([
    [{ rules: [{ kind: 'promote', name: 'x' }] }, 'rules[0].kind must be boost, bury, exclude or pin, got "promote"'],
    [{ rules: [{ kind: 'boost', name: 'x', filter: {}, by: -1 }] }, 'rules[0].by must be a positive number of at most 50 (added to or taken from the logit), got -1'],
    // 1e308 on a logit overflowed to a score of exactly 1 and an Infinity logit in explanations.
    [{ rules: [{ kind: 'boost', name: 'x', filter: {}, by: 1e308 }] }, 'rules[0].by must be a positive number of at most 50 (added to or taken from the logit), got 1e+308'],
    [{ rules: [{ kind: 'bury', name: 'x', filter: {}, by: 50.5 }] }, 'rules[0].by must be a positive number of at most 50 (added to or taken from the logit), got 50.5'],
    [{ rules: [{ kind: 'pin', name: 'x', itemId: '1', position: 0 }] }, 'rules[0].position must be a positive integer, got 0'],
    [{ rules: [{ kind: 'exclude', name: 'x', filter: { must: [{ key: 'colour', match: { value: 'red' } }] } }] }, 'rules[0].filter: '],
    [{ rules: [{ kind: 'exclude', filter: {} }] }, 'rules[0].name must be a non-empty string, got undefined'],
    [{ rules: [{ kind: 'exclude', name: 'x', filter: {}, surfaces: ['home'] }] }, 'rules[0].surfaces must be a non-empty list of search, recommend, similar, got ["home"]'],
    [{ rules: [{ kind: 'exclude', name: 'x', filter: {} }, { kind: 'exclude', name: 'x', filter: {} }] }, 'two rules are named "x"'],
    [{ categoryCaps: { Drama: 1.5 } }, 'categoryCaps.Drama must be a positive integer, got 1.5'],
    [{ boosts: [] }, 'unknown keys boosts'],
  ])('refuses %j', (json, message) => {
    expect(() => parseRerankRules(json)).toThrow(message);
  });
});
