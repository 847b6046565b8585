import type { InteractionEvent } from '../../domain/event.js';
import type { Impression } from '../../ports/impressionLog.js';
import type { ExampleGroup, ExampleSet } from './exampleSet.js';
import { examplesFromPage } from './examplesFromPage.js';
import { labelShownLists, type ImpressionLabelOptions } from './impressionLabels.js';
import type { RankerExamples } from './rankerExamples.js';
import { windowOf } from './rankerExamples.js';

export interface ImpressionExampleOptions extends ImpressionLabelOptions {
  /** Share of the usable lists, the latest by serving time, held out for validation. */
  readonly validationFraction: number;
}

/** What became of the logged lists read. */
export interface ImpressionExampleCounts {
  readonly read: number;
  /** Recommendation lists of a known user whose items carry every feature of the code. */
  readonly usable: number;
  /** Other surfaces, or no user: the recommend model does not learn from them. */
  readonly otherSurface: number;
  /** Logged by a gateway whose features were others (before a change of FEATURE_NAMES). */
  readonly otherFeatures: number;
  /** Usable lists with no positive after them: nothing in them tells one order from another. */
  readonly withoutPositive: number;
  /** Shown items a pin rule placed: the rule chose their place, not the ranker, so none is an example. */
  readonly pinnedLeftOut: number;
}

export type ImpressionRankerExamples = Omit<RankerExamples, 'dataSource'> & { readonly counts: ImpressionExampleCounts };

/**
 * Ranker examples from the lists the gateway logged (ImpressionLog): each recommendation list
 * is a group, its rows the feature values the ranker read when it served it — exactly what it
 * saw, with no replay — labelled by the positives that followed it (labelShownLists: the
 * requestId, or the attribution window). Lists with no positive are left out, as the MovieLens
 * recipe leaves out users with none. The split is by serving time: the latest
 * `validationFraction` of the lists validate. Pure.
 */
export function impressionExamples(
  impressions: readonly Impression[],
  events: Iterable<InteractionEvent>,
  featureNames: readonly string[],
  options: ImpressionExampleOptions,
): ImpressionRankerExamples {
  if (!(options.validationFraction > 0 && options.validationFraction < 1)) {
    throw new Error(`validationFraction must be above 0 and below 1, got ${options.validationFraction}`);
  }
  let otherSurface = 0;
  let otherFeatures = 0;
  let pinnedLeftOut = 0;
  const usable: (Impression & { readonly userId: string })[] = [];
  for (const impression of impressions) {
    if (impression.surface !== 'recommendations' || impression.userId === null) otherSurface += 1;
    else if (!impression.items.every((item) => featureNames.every((name) => typeof item.features[name] === 'number'))) otherFeatures += 1;
    else {
      const ranked = impression.items.filter((item) => !item.pinned);
      pinnedLeftOut += impression.items.length - ranked.length;
      usable.push({ ...impression, userId: impression.userId, items: ranked });
    }
  }
  usable.sort((a, b) => a.timestamp - b.timestamp || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
  const labels = new Map(
    labelShownLists(
      usable.map((list) => ({ requestId: list.requestId, userId: list.userId, shownAt: new Map(list.items.map((item) => [item.itemId, list.timestamp])) })),
      events,
      options,
    ).map((labelled) => [labelled.id, labelled]),
  );
  const groups: { group: ExampleGroup; timestamp: number }[] = [];
  for (const list of usable) {
    const labelled = labels.get(list.requestId)!;
    if (labelled.positives.size === 0) continue;
    const served = list.items.map((item) => ({ itemId: item.itemId, contributions: Object.entries(item.features).map(([name, value]) => ({ name, value })) }));
    groups.push({ group: examplesFromPage(labelled, served, featureNames), timestamp: list.timestamp });
  }
  const validationCount = Math.floor(groups.length * options.validationFraction);
  if (validationCount === 0 || validationCount === groups.length) {
    throw new Error(
      `${groups.length} logged recommendation lists with a positive after them (of ${impressions.length} read) cannot be split into training and validation; ` +
        'log more (IMPRESSION_SAMPLE_RATE) or wait for more clicks',
    );
  }
  const cut = groups.length - validationCount;
  const set = (part: typeof groups): ExampleSet => ({ featureNames: [...featureNames], groups: part.map((entry) => entry.group) });
  return {
    train: set(groups.slice(0, cut)),
    validation: set(groups.slice(cut)),
    trainingWindow: windowOf(groups.slice(0, cut).map((entry) => entry.timestamp)),
    validationWindow: windowOf(groups.slice(cut).map((entry) => entry.timestamp)),
    counts: { read: impressions.length, usable: usable.length, otherSurface, otherFeatures, withoutPositive: usable.length - groups.length, pinnedLeftOut },
  };
}
