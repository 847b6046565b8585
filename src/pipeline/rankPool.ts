import type { Candidate } from '../domain/candidate.js';
import type { Item } from '../domain/item.js';
import type { RankedItem } from '../domain/scoredItem.js';
import { computeFeatures } from '../features/computeFeatures.js';
import type { FeatureVector } from '../features/featureNames.js';
import type { Loaders } from '../features/loaders.js';
import type { ItemStats, UserProfile } from '../ports/featureStore.js';
import { rankCandidates } from '../ranking/rankCandidates.js';
import type { RankerModel } from '../ranking/rankerModel.js';
import { rerank } from '../reranking/rerank.js';
import type { RerankRules } from '../reranking/rerankRules.js';
import { droppedPinWarning } from './addPinnedCandidates.js';
import type { PageWindow } from './requests.js';
import type { StageClock } from './stageClock.js';

export interface RankSettings {
  readonly model: RankerModel;
  readonly user: UserProfile | null;
  readonly profile: Float32Array | null;
  readonly seedCategories: ReadonlySet<string> | null;
  readonly lambda: number;
  /** Business rules and category caps of this surface. */
  readonly rules: RerankRules;
  readonly window: PageWindow;
  readonly referenceYear: number;
  /** Epoch ms that counts as now for decayed features. */
  readonly now: number;
}

export interface RankedPool {
  readonly page: RankedItem[];
  readonly total: number;
}

function valueOrNull<T>(result: T | Error | null | undefined): T | null {
  return result instanceof Error || result === undefined ? null : result;
}

/**
 * Feature fetch, scoring, re-ranking and the page cut for a fused candidate list. Features of
 * all candidates come in one batch per store; a feature store that fails degrades the ranking
 * to the features that are left and says so in `warnings`.
 */
export async function rankPool(
  candidates: readonly Candidate[],
  loaders: Loaders,
  settings: RankSettings,
  clock: StageClock,
  warnings: string[],
): Promise<RankedPool> {
  const ids = candidates.map((candidate) => candidate.itemId);
  // Item vectors serve only the profile similarity and MMR: a plain search needs neither.
  const needVectors = settings.profile !== null || settings.lambda > 0;
  const [items, stats, vectors] = await clock.time('features', () =>
    Promise.all([
      loaders.items.loadMany(ids),
      loaders.itemStats.loadMany(ids),
      needVectors ? loaders.vectors.loadMany(ids) : Promise.resolve(ids.map(() => null)),
    ]),
  );
  if (items.some((item) => item instanceof Error)) {
    // Without payloads there is nothing to show: the catalog failure is the request's failure.
    throw items.find((item) => item instanceof Error);
  }
  if (stats.some((entry) => entry instanceof Error)) {
    warnings.push('feature store unavailable: ranked without item statistics');
  }
  if (vectors.some((entry) => entry instanceof Error)) {
    warnings.push('item vectors unavailable: ranked without vector similarity');
  }

  const kept: { candidate: Candidate; item: Item; stats: ItemStats | null; vector: Float32Array | null }[] = [];
  candidates.forEach((candidate, i) => {
    const item = valueOrNull(items[i]);
    // An id without a payload was deleted after retrieval found it.
    if (item) kept.push({ candidate, item, stats: valueOrNull(stats[i]), vector: valueOrNull(vectors[i]) });
  });

  const ranked = clock.timeSync('scoring', () => {
    const maxLexical = Math.max(0, ...kept.flatMap((k) => k.candidate.hits.filter((h) => h.source === 'lexical').map((h) => h.score)));
    const features: FeatureVector[] = kept.map((k) =>
      computeFeatures({
        candidate: k.candidate,
        item: k.item,
        stats: k.stats,
        user: settings.user,
        itemVector: k.vector,
        profile: settings.profile,
        seedCategories: settings.seedCategories,
        maxLexical,
        referenceYear: settings.referenceYear,
        now: settings.now,
      }),
    );
    return rankCandidates(settings.model, kept.map((k) => k.candidate), features);
  });

  const { offset, first } = settings.window;
  const byId = new Map(kept.map((k) => [k.item.id, k]));
  const reranked = clock.timeSync('reranking', () =>
    rerank(
      ranked,
      (id) => byId.get(id)!.item,
      (id) => ({ vector: byId.get(id)!.vector, categories: byId.get(id)!.item.categories }),
      { rules: settings.rules, lambda: settings.lambda, limit: offset + first },
    ),
  );
  // A pin whose item an exclude rule removed is not shown, so no explanation can say so.
  const shown = new Set(reranked.map((item) => item.itemId));
  for (const rule of settings.rules.rules) {
    if (rule.kind === 'pin' && byId.has(rule.itemId) && !shown.has(rule.itemId)) warnings.push(droppedPinWarning(rule, 'an exclude rule removes its item'));
  }
  return { page: reranked.slice(offset, offset + first), total: reranked.length };
}
