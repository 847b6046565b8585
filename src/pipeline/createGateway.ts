import { randomUUID } from 'node:crypto';
import type { Candidate } from '../domain/candidate.js';
import { badInput, GatewayError } from '../domain/errors.js';
import { quote } from '../domain/quote.js';
import type { RankingConfig } from '../config/config.js';
import { createLoaders } from '../features/loaders.js';
import { UnavailableLatch } from './unavailableLatch.js';
import { profileVector } from '../features/profileVector.js';
import type { CatalogIndex, SearchOptions } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { FeatureStore } from '../ports/featureStore.js';
import type { Impression, ImpressionLog } from '../ports/impressionLog.js';
import type { RankerModels } from '../ranking/rankerModel.js';
import { mergeHits } from '../retrieval/mergeHits.js';
import { popularityHits } from '../retrieval/popularityHits.js';
import { reciprocalRankFusion, type SourceList } from '../retrieval/reciprocalRankFusion.js';
import { searchEach } from '../retrieval/searchEach.js';
import { NO_RERANK_RULES, rulesFor, type RerankRules } from '../reranking/rerankRules.js';
import type { Gateway, RequestScope } from './gateway.js';
import { addPinnedCandidates, type Eligibility } from './addPinnedCandidates.js';
import { applyMutations } from './applyMutations.js';
import { impressionOf, inImpressionSample } from './impressionOf.js';
import { rankPool, type RankSettings } from './rankPool.js';
import type { RecommendRequest, ResultPage, SearchRequest, SimilarRequest } from './requests.js';
import { StageClock } from './stageClock.js';

export interface GatewayDeps {
  readonly catalog: CatalogIndex;
  readonly features: FeatureStore;
  readonly embedder: Embedder;
  /** The current ranker models; a function so that a reloaded model file takes effect at once. */
  readonly rankers: () => RankerModels;
  readonly ranking: RankingConfig;
  /** The business rules and category caps in force (RERANK_RULES, reloaded when it changes); none by default. */
  readonly rerankRules?: () => RerankRules;
  readonly now?: () => number;
  /** Where served result lists are logged, and the share of them that is. */
  readonly impressions?: { readonly log: ImpressionLog; readonly sampleRate: number };
  /** Where failures that the answer survives are reported (a logger). */
  readonly onDegraded?: (stage: string, error: unknown) => void;
}

const NOT_PERSONALISED = 'feature store unavailable: results not personalised';
const NO_POPULARITY = 'feature store unavailable: popularity retrieval skipped';
/**
 * Why a user-only list is empty while the store is down: the user's history and popularity both
 * live there, and the catalog alone knows nothing about what this user, or anyone, likes.
 */
const NOTHING_TO_RECOMMEND = 'feature store unavailable: no recommendations without the user\'s history or popularity; send itemIds to recommend from items';

/** How many of a user's latest positive items anchor item-to-item retrieval. */
const ANCHOR_ITEMS = 3;

export function createGateway(deps: GatewayDeps): Gateway {
  const { catalog, features, embedder, ranking } = deps;
  const now = deps.now ?? Date.now;
  const currentRules = deps.rerankRules ?? (() => NO_RERANK_RULES);
  // Split by surface once per rules value, not per request; a reload brings a new value.
  let split: { readonly from: RerankRules; readonly search: RerankRules; readonly recommend: RerankRules; readonly similar: RerankRules } | null = null;
  const surfaceRules = () => {
    const rules = currentRules();
    if (split?.from !== rules) split = { from: rules, search: rulesFor(rules, 'search'), recommend: rulesFor(rules, 'recommend'), similar: rulesFor(rules, 'similar') };
    return split;
  };

  /**
   * Ranks the fused candidates and cuts the page: the stages every surface shares. A sampled
   * page is logged with what the ranker saw; a log that cannot be written costs the page nothing
   * but a warning.
   */
  async function rankedPage(
    candidates: Candidate[],
    scope: RequestScope,
    settings: Omit<RankSettings, 'referenceYear' | 'now'>,
    eligibility: Eligibility,
    clock: StageClock,
    warnings: string[],
    served: { surface: Impression['surface']; userId: string | null },
  ): Promise<ResultPage> {
    const at = now();
    const pool = await addPinnedCandidates(candidates.slice(0, ranking.poolSize), settings.rules, eligibility, scope.loaders, warnings);
    const { page, total } = await rankPool(
      pool,
      scope.loaders,
      { ...settings, referenceYear: new Date(at).getUTCFullYear(), now: at },
      clock,
      warnings,
    );
    const result = { requestId: randomUUID(), items: page, offset: settings.window.offset, total, modelVersion: settings.model.version, warnings };
    const log = deps.impressions;
    if (log && inImpressionSample(result.requestId, log.sampleRate)) {
      const write = () => log.log.logImpression(impressionOf({ ...result, timings: {} }, served.surface, served.userId, at));
      // An impression log kept in the feature store shares its latch: a store that timed out on
      // this request's reads costs no second timeout here.
      await clock
        .time('impressions', () => ((log.log as unknown) === features ? scope.featureStore.run(write) : write()))
        .catch((error: unknown) => {
          deps.onDegraded?.('impression log', error);
          warnings.push('impression log unavailable: this result list was not logged');
        });
    }
    return { ...result, timings: clock.snapshot() };
  }

  /** The popularity list as this request reads it: through its feature-store latch. */
  function popularIn(scope: RequestScope): Pick<FeatureStore, 'popular'> {
    return { popular: (limit, offset) => scope.featureStore.run(() => features.popular(limit, offset)) };
  }

  /** An optional read: on failure the answer goes on without it and says so in `warnings`. */
  function optional<T>(read: Promise<T>, fallback: T, stage: string, warning: string, warnings: string[]): Promise<T> {
    return read.catch((error: unknown) => {
      deps.onDegraded?.(stage, error);
      if (!warnings.includes(warning)) warnings.push(warning);
      return fallback;
    });
  }

  function options(filter: SearchRequest['filter'], excludeIds?: ReadonlySet<string>, limit = ranking.candidatesPerSource): SearchOptions {
    return { limit, ...(filter ? { filter } : {}), ...(excludeIds ? { excludeIds } : {}) };
  }

  return {
    createScope: () => {
      const featureStore = new UnavailableLatch();
      const reads = {
        getItemStats: (ids: readonly string[]) => featureStore.run(() => features.getItemStats(ids)),
        getUserProfiles: (ids: readonly string[]) => featureStore.run(() => features.getUserProfiles(ids)),
      };
      return { loaders: createLoaders({ catalog, features: reads }), featureStore };
    },

    rankerModels: () => deps.rankers(),

    async search(request: SearchRequest, scope: RequestScope): Promise<ResultPage> {
      const clock = new StageClock();
      const warnings: string[] = [];
      // Personalisation is optional in search: a profile that cannot be read leaves it out, and says so.
      const userPromise = request.userId
        ? optional(scope.loaders.userProfiles.load(request.userId), null, 'user profile', NOT_PERSONALISED, warnings)
        : null;
      let vector: Float32Array | null = null;
      try {
        [vector = null] = await clock.time('embedding', () => embedder.embed([request.query]));
      } catch (error) {
        deps.onDegraded?.('embedding', error);
        warnings.push('embedder unavailable: dense retrieval skipped, results from BM25 only');
      }
      const opts = options(request.filter);
      // One batch: in service mode both sources cost one round trip to Qdrant.
      const [dense = [], lexical = []] = await clock.time('retrieval', () =>
        searchEach(catalog, [vector ? { kind: 'dense', vector, options: opts } : null, { kind: 'lexical', text: request.query, options: opts }]),
      );
      const user = (await userPromise) ?? null;
      const profile = user ? await userProfileVector(scope, user.recentPositives.map((entry) => entry.itemId)) : null;
      const candidates = reciprocalRankFusion([
        { source: 'lexical', hits: lexical },
        { source: 'dense', hits: dense },
      ]);
      return rankedPage(
        candidates,
        scope,
        { model: deps.rankers().search, user, profile, seedCategories: null, lambda: request.diversity ?? 0, rules: surfaceRules().search, window: request },
        { filter: request.filter, excludeIds: null, exclusionsKnown: true },
        clock,
        warnings,
        { surface: 'search', userId: request.userId },
      );
    },

    async recommend(request: RecommendRequest, scope: RequestScope): Promise<ResultPage> {
      if (!request.userId && request.itemIds.length === 0) {
        throw badInput('recommendations needs userId, itemIds or both', 'userId');
      }
      const clock = new StageClock();
      const warnings: string[] = [];
      const [user, seeds] = await clock.time('retrieval', () =>
        Promise.all([
          request.userId
            ? optional(scope.loaders.userProfiles.load(request.userId), null, 'user profile', NOT_PERSONALISED, warnings)
            : Promise.resolve(null),
          scope.loaders.items.loadMany(request.itemIds),
        ]),
      );
      const missing = request.itemIds.filter((_, i) => !seeds[i] || seeds[i] instanceof Error);
      if (missing.length > 0) {
        throw new GatewayError('NOT_FOUND', `no item has id ${missing.map(quote).join(', ')}`, { argument: 'itemIds', ids: missing });
      }
      // A user whose profile could not be read has seen items nobody knows: no pin may add one.
      const profileUnread = request.userId !== null && warnings.includes(NOT_PERSONALISED);
      const exclude = new Set<string>([...(user?.seenItemIds ?? []), ...request.itemIds]);
      const recent = user?.recentPositives.map((entry) => entry.itemId) ?? [];
      const lists = await clock.time('retrieval', async () => {
        // Seed items, when given, say what the request is about; otherwise the user's recent likes do.
        const collaborativeIds = ranking.collaborative ? (request.itemIds.length > 0 ? request.itemIds : recent) : [];
        const [profile, collaborativeProfile] = await Promise.all([userProfileVector(scope, recent), collaborativeVector(scope, collaborativeIds)]);
        const anchors = request.itemIds.length > 0 ? [request.itemIds] : recent.slice(0, ANCHOR_ITEMS).map((id) => [id]);
        const anchorVectors = await Promise.all(
          anchors.map(async (ids) => profileVector(await scope.loaders.vectors.loadMany(ids).then((vs) => vs.map((v) => (v instanceof Error ? null : v))), 1)),
        );
        const perAnchor = Math.ceil(ranking.candidatesPerSource / Math.max(1, anchors.length));
        const [[profileHits = [], collaborativeHits = [], ...similarLists], popular] = await Promise.all([
          // One batch of the catalog's searches: one round trip to Qdrant in service mode.
          searchEach(catalog, [
            profile ? { kind: 'dense', vector: profile, options: options(request.filter, exclude) } : null,
            collaborativeProfile ? { kind: 'collaborative', vector: collaborativeProfile, options: options(request.filter, exclude) } : null,
            ...anchorVectors.map((v) => (v ? { kind: 'dense' as const, vector: v, options: options(request.filter, exclude, perAnchor) } : null)),
          ]),
          optional(popularityHits(popularIn(scope), catalog, options(request.filter, exclude)), [], 'popularity', NO_POPULARITY, warnings),
        ]);
        const coldStart = !profile && request.itemIds.length === 0;
        const sourceLists: SourceList[] = [
          { source: 'profile', hits: profileHits },
          { source: 'item_similarity', hits: mergeHits(similarLists, ranking.candidatesPerSource) },
          { source: 'collaborative', hits: collaborativeHits },
          { source: 'popularity', hits: popular, weight: coldStart ? 1 : 0.8 },
        ];
        if (sourceLists.every((list) => list.hits.length === 0) && warnings.includes(NO_POPULARITY)) warnings.push(NOTHING_TO_RECOMMEND);
        return { profile, sourceLists };
      });
      const seedCategories =
        request.itemIds.length > 0 ? new Set(seeds.flatMap((seed) => (seed && !(seed instanceof Error) ? seed.categories : []))) : null;
      return rankedPage(
        reciprocalRankFusion(lists.sourceLists),
        scope,
        {
          model: deps.rankers().recommend,
          user,
          profile: lists.profile,
          seedCategories,
          lambda: request.diversity ?? ranking.defaultDiversity,
          rules: surfaceRules().recommend,
          window: request,
        },
        { filter: request.filter, excludeIds: exclude, exclusionsKnown: !profileUnread },
        clock,
        warnings,
        { surface: 'recommendations', userId: request.userId },
      );
    },

    async similar(request: SimilarRequest, scope: RequestScope): Promise<ResultPage> {
      const clock = new StageClock();
      const warnings: string[] = [];
      // The item's text vector is not fetched: the catalog searches by the item's id (a recommend
      // query with it as the positive example), where the vector already is.
      const [item, collaborative] = await clock.time('retrieval', () =>
        Promise.all([
          scope.loaders.items.load(request.itemId),
          ranking.collaborative ? scope.loaders.collaborativeVectors.load(request.itemId) : Promise.resolve(null),
        ]),
      );
      if (!item) {
        throw new GatewayError('NOT_FOUND', `no item has id ${quote(request.itemId)}`, { argument: 'itemId' });
      }
      const opts = options(request.filter, new Set([item.id]));
      const like = { positive: [item.id] };
      // An item too new or too rarely liked to have a collaborative vector leans on popularity
      // instead, so that the list still holds items people actually want beside the text matches.
      const [[neighbours = [], lexical = [], collaborativeHits = []], popular] = await clock.time('retrieval', () =>
        Promise.all([
          // One batch of the catalog's searches: one round trip to Qdrant in service mode.
          searchEach(catalog, [
            { kind: 'recommend', space: 'text', examples: like, options: opts },
            { kind: 'lexical', text: item.title, options: opts },
            collaborative ? { kind: 'recommend', space: 'collaborative', examples: like, options: opts } : null,
          ]),
          collaborative ? Promise.resolve([]) : optional(popularityHits(popularIn(scope), catalog, opts), [], 'popularity', NO_POPULARITY, warnings),
        ]),
      );
      const candidates = reciprocalRankFusion([
        { source: 'item_similarity', hits: neighbours },
        // Half a vote, as BM25 has: an exact text relative (a sequel) should still lead.
        { source: 'collaborative', hits: collaborativeHits, weight: 0.5 },
        { source: 'lexical', hits: lexical, weight: 0.5 },
        { source: 'popularity', hits: popular, weight: 0.3 },
      ]);
      return rankedPage(
        candidates,
        scope,
        { model: deps.rankers().similar, user: null, profile: null, seedCategories: new Set(item.categories), lambda: 0, rules: surfaceRules().similar, window: request },
        { filter: request.filter, excludeIds: new Set([item.id]), exclusionsKnown: true },
        clock,
        warnings,
        { surface: 'similar_items', userId: null },
      );
    },

    ...applyMutations({ catalog, features, embedder, now }),
  };
}

async function userProfileVector(scope: RequestScope, recentItemIds: readonly string[]): Promise<Float32Array | null> {
  if (recentItemIds.length === 0) return null;
  const vectors = await scope.loaders.vectors.loadMany(recentItemIds);
  return profileVector(vectors.map((v) => (v instanceof Error ? null : v)));
}

/** The recency-weighted mean of the items' collaborative vectors; null when none has one. */
async function collaborativeVector(scope: RequestScope, itemIds: readonly string[]): Promise<Float32Array | null> {
  if (itemIds.length === 0) return null;
  const vectors = await scope.loaders.collaborativeVectors.loadMany(itemIds);
  return profileVector(vectors.map((v) => (v instanceof Error ? null : v)));
}
