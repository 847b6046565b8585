import { randomUUID } from 'node:crypto';
import type { Candidate } from '../domain/candidate.js';
import { badInput, GatewayError } from '../domain/errors.js';
import { quote } from '../domain/quote.js';
import type { RankingConfig } from '../config/config.js';
import { createLoaders } from '../features/loaders.js';
import { profileVector } from '../features/profileVector.js';
import type { CatalogIndex, SearchOptions } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { FeatureStore } from '../ports/featureStore.js';
import type { RankerModels } from '../ranking/rankerModel.js';
import { mergeHits } from '../retrieval/mergeHits.js';
import { popularityHits } from '../retrieval/popularityHits.js';
import { reciprocalRankFusion, type SourceList } from '../retrieval/reciprocalRankFusion.js';
import { NO_RERANK_RULES, rulesFor, type RerankRules } from '../reranking/rerankRules.js';
import type { Gateway, RequestScope } from './gateway.js';
import { addPinnedCandidates, type Eligibility } from './addPinnedCandidates.js';
import { applyMutations } from './applyMutations.js';
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
  /** Business rules and category caps (RERANK_RULES); none by default. */
  readonly rerankRules?: RerankRules;
  readonly now?: () => number;
  /** Where failures that the answer survives are reported (a logger). */
  readonly onDegraded?: (stage: string, error: unknown) => void;
}

/** How many of a user's latest positive items anchor item-to-item retrieval. */
const ANCHOR_ITEMS = 3;

export function createGateway(deps: GatewayDeps): Gateway {
  const { catalog, features, embedder, ranking } = deps;
  const now = deps.now ?? Date.now;
  const rules = deps.rerankRules ?? NO_RERANK_RULES;
  const surfaceRules = { search: rulesFor(rules, 'search'), recommend: rulesFor(rules, 'recommend'), similar: rulesFor(rules, 'similar') };

  /** Ranks the fused candidates and cuts the page: the stages every surface shares. */
  async function rankedPage(
    candidates: Candidate[],
    scope: RequestScope,
    settings: Omit<RankSettings, 'referenceYear'>,
    eligibility: Eligibility,
    clock: StageClock,
    warnings: string[],
  ) {
    const pool = await addPinnedCandidates(candidates.slice(0, ranking.poolSize), settings.rules, eligibility, scope.loaders);
    return rankPool(pool, scope.loaders, { ...settings, referenceYear: new Date(now()).getUTCFullYear() }, clock, warnings).then(({ page, total }): ResultPage => ({
      requestId: randomUUID(),
      items: page,
      offset: settings.window.offset,
      total,
      modelVersion: settings.model.version,
      warnings,
      timings: clock.snapshot(),
    }));
  }

  function options(filter: SearchRequest['filter'], excludeIds?: ReadonlySet<string>, limit = ranking.candidatesPerSource): SearchOptions {
    return { limit, ...(filter ? { filter } : {}), ...(excludeIds ? { excludeIds } : {}) };
  }

  return {
    createScope: () => ({ loaders: createLoaders({ catalog, features }) }),

    rankerModels: () => deps.rankers(),

    async search(request: SearchRequest, scope: RequestScope): Promise<ResultPage> {
      const clock = new StageClock();
      const warnings: string[] = [];
      // Personalisation is optional in search: a profile that cannot be read leaves it out, and says so.
      const userPromise = request.userId
        ? scope.loaders.userProfiles.load(request.userId).catch((error: unknown) => {
            deps.onDegraded?.('user profile', error);
            warnings.push('feature store unavailable: results not personalised');
            return null;
          })
        : null;
      let vector: Float32Array | null = null;
      try {
        [vector = null] = await clock.time('embedding', () => embedder.embed([request.query]));
      } catch (error) {
        deps.onDegraded?.('embedding', error);
        warnings.push('embedder unavailable: dense retrieval skipped, results from BM25 only');
      }
      const opts = options(request.filter);
      const [dense, lexical] = await clock.time('retrieval', () =>
        Promise.all([vector ? catalog.searchDense(vector, opts) : Promise.resolve([]), catalog.searchLexical(request.query, opts)]),
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
        { model: deps.rankers().search, user, profile, seedCategories: null, lambda: request.diversity ?? 0, rules: surfaceRules.search, window: request },
        { filter: request.filter, excludeIds: null },
        clock,
        warnings,
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
          request.userId ? scope.loaders.userProfiles.load(request.userId) : Promise.resolve(null),
          scope.loaders.items.loadMany(request.itemIds),
        ]),
      );
      const missing = request.itemIds.filter((_, i) => !seeds[i] || seeds[i] instanceof Error);
      if (missing.length > 0) {
        throw new GatewayError('NOT_FOUND', `no item has id ${missing.map(quote).join(', ')}`, { argument: 'itemIds', ids: missing });
      }
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
        const [profileHits, similarLists, collaborativeHits, popular] = await Promise.all([
          profile ? catalog.searchDense(profile, options(request.filter, exclude)) : Promise.resolve([]),
          Promise.all(anchorVectors.map((v) => (v ? catalog.searchDense(v, options(request.filter, exclude, perAnchor)) : Promise.resolve([])))),
          collaborativeProfile ? catalog.searchCollaborative(collaborativeProfile, options(request.filter, exclude)) : Promise.resolve([]),
          popularityHits(features, catalog, options(request.filter, exclude)),
        ]);
        const coldStart = !profile && request.itemIds.length === 0;
        const sourceLists: SourceList[] = [
          { source: 'profile', hits: profileHits },
          { source: 'item_similarity', hits: mergeHits(similarLists, ranking.candidatesPerSource) },
          { source: 'collaborative', hits: collaborativeHits },
          { source: 'popularity', hits: popular, weight: coldStart ? 1 : 0.8 },
        ];
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
          rules: surfaceRules.recommend,
          window: request,
        },
        { filter: request.filter, excludeIds: exclude },
        clock,
        warnings,
      );
    },

    async similar(request: SimilarRequest, scope: RequestScope): Promise<ResultPage> {
      const clock = new StageClock();
      const warnings: string[] = [];
      const [item, vector, collaborative] = await clock.time('retrieval', () =>
        Promise.all([
          scope.loaders.items.load(request.itemId),
          scope.loaders.vectors.load(request.itemId),
          ranking.collaborative ? scope.loaders.collaborativeVectors.load(request.itemId) : Promise.resolve(null),
        ]),
      );
      if (!item) {
        throw new GatewayError('NOT_FOUND', `no item has id ${quote(request.itemId)}`, { argument: 'itemId' });
      }
      const opts = options(request.filter, new Set([item.id]));
      // An item too new or too rarely liked to have a collaborative vector leans on popularity
      // instead, so that the list still holds items people actually want beside the text matches.
      const [neighbours, lexical, collaborativeHits, popular] = await clock.time('retrieval', () =>
        Promise.all([
          vector ? catalog.searchDense(vector, opts) : Promise.resolve([]),
          catalog.searchLexical(item.title, opts),
          collaborative ? catalog.searchCollaborative(collaborative, opts) : Promise.resolve([]),
          collaborative ? Promise.resolve([]) : popularityHits(features, catalog, opts),
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
        { model: deps.rankers().similar, user: null, profile: null, seedCategories: new Set(item.categories), lambda: 0, rules: surfaceRules.similar, window: request },
        { filter: request.filter, excludeIds: new Set([item.id]) },
        clock,
        warnings,
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
