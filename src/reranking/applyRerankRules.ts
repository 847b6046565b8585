import type { Item } from '../domain/item.js';
import type { RankedItem } from '../domain/scoredItem.js';
import { compileFilter } from '../domain/matchesFilter.js';
import { sigmoid } from '../ranking/scoreCandidate.js';
import { noteMoves } from './noteMoves.js';
import type { ExcludeRule, PinRule, RerankRules, ShiftRule } from './rerankRules.js';

/** The catalog payload of a listed item, for filters and categories. */
export type PayloadOf = (itemId: string) => Item;

const quoted = (names: readonly string[]) => names.map((name) => JSON.stringify(name)).join(', ');

/** Drops the items an exclude rule matches; the items that moved up say why. Pure. */
export function excludeByRules(list: readonly RankedItem[], rules: readonly ExcludeRule[], payloadOf: PayloadOf): RankedItem[] {
  if (rules.length === 0) return [...list];
  const tests = rules.map((rule) => ({ name: rule.name, matches: compileFilter(rule.filter) }));
  const removedBy = new Set<string>();
  const kept = list.filter((item) => {
    const hit = tests.filter((test) => test.matches(payloadOf(item.itemId)));
    hit.forEach((test) => removedBy.add(test.name));
    return hit.length === 0;
  });
  return noteMoves(list, kept, 'exclude', (_item, from, to) => `${from - to} result(s) above removed by rule ${quoted([...removedBy])}`);
}

/**
 * Adds each matching boost rule's `by` to an item's logit and takes each bury rule's off, then
 * re-sorts by the new probability. Matching items note the rules and their new score; items
 * that others passed note that. Pure.
 */
export function shiftByRules(list: readonly RankedItem[], rules: readonly ShiftRule[], payloadOf: PayloadOf): RankedItem[] {
  if (rules.length === 0) return [...list];
  const tests = rules.map((rule) => ({ rule, matches: compileFilter(rule.filter) }));
  const applied = new Map<string, { shift: number; names: string[] }>();
  const shifted = list.map((item, index) => {
    const hits = tests.filter((test) => test.matches(payloadOf(item.itemId)));
    if (hits.length === 0) return { item, index };
    const shift = hits.reduce((sum, { rule }) => sum + (rule.kind === 'boost' ? rule.by : -rule.by), 0);
    applied.set(item.itemId, { shift, names: hits.map(({ rule }) => rule.name) });
    return { item: { ...item, finalScore: sigmoid(item.logit + shift) }, index };
  });
  const sorted = shifted.sort((a, b) => b.item.finalScore - a.item.finalScore || a.index - b.index).map(({ item }) => item);
  return noteMoves(
    list,
    sorted,
    'boost',
    (item, from, to) => {
      const own = applied.get(item.itemId);
      if (own) return `rule ${quoted(own.names)}: logit ${own.shift >= 0 ? '+' : ''}${own.shift} → score ${item.finalScore.toFixed(4)}`;
      return `moved ${to > from ? 'down' : 'up'}: boost or bury rules moved other results past it`;
    },
    new Set(applied.keys()),
  ).map((item) => {
    // A matched item whose net shift is negative was buried: say so in the step's name.
    const own = applied.get(item.itemId);
    if (!own || own.shift >= 0) return item;
    return { ...item, rerank: item.rerank.map((note, i) => (i === item.rerank.length - 1 ? { ...note, step: 'bury' } : note)) };
  });
}

/**
 * Caps per category, pins counted first: the items pinned in this list (`pinned`) hold their
 * places whatever the caps, and their categories count against the caps before any other
 * item, so that pins and the results that fit never hold more of a category than its cap
 * (unless the pins alone do). Any other item whose category already has its cap goes after
 * every item that fits, in its order. Items that moved say which cap. Pure.
 */
export function capCategories(
  list: readonly RankedItem[],
  caps: RerankRules['categoryCaps'],
  payloadOf: PayloadOf,
  pinned: ReadonlySet<string> = new Set(),
): RankedItem[] {
  const capOf = (category: string) => caps.perCategory[category] ?? caps.default;
  if (caps.default === null && Object.keys(caps.perCategory).length === 0) return [...list];
  const counts = new Map<string, number>();
  for (const item of list) {
    if (!pinned.has(item.itemId)) continue;
    for (const category of payloadOf(item.itemId).categories) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const placed: RankedItem[] = [];
  const deferred: { item: RankedItem; full: string }[] = [];
  for (const item of list) {
    if (pinned.has(item.itemId)) {
      placed.push(item);
      continue;
    }
    const categories = payloadOf(item.itemId).categories;
    const full = categories.find((category) => {
      const cap = capOf(category);
      return cap !== null && (counts.get(category) ?? 0) >= cap;
    });
    if (full !== undefined) {
      deferred.push({ item, full });
      continue;
    }
    for (const category of categories) counts.set(category, (counts.get(category) ?? 0) + 1);
    placed.push(item);
  }
  const fullOf = new Map(deferred.map(({ item, full }) => [item.itemId, full]));
  const overCap = new Map<string, string>();
  for (const id of pinned) {
    if (!list.some((item) => item.itemId === id)) continue;
    const over = payloadOf(id).categories.find((category) => {
      const cap = capOf(category);
      return cap !== null && (counts.get(category) ?? 0) > cap;
    });
    if (over !== undefined) overCap.set(id, over);
  }
  return noteMoves(
    list,
    [...placed, ...deferred.map(({ item }) => item)],
    'category_cap',
    (item, from, to) => {
      const full = fullOf.get(item.itemId);
      if (full !== undefined) return `category cap: ${capOf(full)} ${JSON.stringify(full)} result(s) already above or pinned; placed after the results that fit`;
      const over = overCap.get(item.itemId);
      if (over !== undefined) return `pinned over the category cap: ${counts.get(over)} ${JSON.stringify(over)} results are pinned, the cap is ${capOf(over)}; pins hold their places`;
      return `moved ${to < from ? 'up' : 'down'}: results over a category cap went below`;
    },
    new Set(overCap.keys()),
  );
}

/** The pins whose items are in the list, in position order; an item pinned twice takes its higher place. */
export function presentPins(list: readonly RankedItem[], rules: readonly PinRule[]): PinRule[] {
  const ids = new Set(list.map((item) => item.itemId));
  const sorted = rules.filter((rule) => ids.has(rule.itemId)).sort((a, b) => a.position - b.position);
  return sorted.filter((rule, i) => sorted.findIndex((other) => other.itemId === rule.itemId) === i);
}

/** Puts pinned items at their positions (in position order), when they are in the list. Pure. */
export function pinItems(list: readonly RankedItem[], rules: readonly PinRule[]): RankedItem[] {
  const present = presentPins(list, rules);
  if (present.length === 0) return [...list];
  const pinned = new Map(present.map((rule) => [rule.itemId, rule]));
  const rest = list.filter((item) => !pinned.has(item.itemId));
  const result = [...rest];
  for (const rule of present) {
    result.splice(Math.min(rule.position, result.length + 1) - 1, 0, { ...list.find((item) => item.itemId === rule.itemId)!, pinned: true });
  }
  return noteMoves(
    list,
    result,
    'pin',
    (item, from, to) => {
      const rule = pinned.get(item.itemId);
      return rule ? `pinned to position ${rule.position} by rule ${JSON.stringify(rule.name)}` : `moved ${to > from ? 'down' : 'up'}: a pinned result took a place above`;
    },
    new Set(pinned.keys()),
  );
}
