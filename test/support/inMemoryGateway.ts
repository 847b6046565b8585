import DataLoader from 'dataloader';
import { GatewayError } from '../../src/domain/errors.js';
import type { Item } from '../../src/domain/item.js';
import type { RankedItem } from '../../src/domain/scoredItem.js';
import type { Loaders } from '../../src/features/loaders.js';
import type { Gateway, RequestScope } from '../../src/pipeline/gateway.js';
import { UnavailableLatch } from '../../src/pipeline/unavailableLatch.js';
import type {
  EventInput,
  EventOutcome,
  ItemInput,
  PageWindow,
  RecommendRequest,
  ResultPage,
  SearchRequest,
  SimilarRequest,
} from '../../src/pipeline/requests.js';
import type { ItemStats, UserProfile } from '../../src/ports/featureStore.js';
import type { RetrievalSource } from '../../src/domain/candidate.js';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import type { RankerModels } from '../../src/ranking/rankerModel.js';

/** The request a pipeline method received, for asserting the API layer's mapping. */
export type GatewayCall =
  | { readonly method: 'search'; readonly request: SearchRequest }
  | { readonly method: 'recommend'; readonly request: RecommendRequest }
  | { readonly method: 'similar'; readonly request: SimilarRequest }
  | { readonly method: 'upsertItems'; readonly request: readonly ItemInput[] }
  | { readonly method: 'deleteItems'; readonly request: readonly string[] }
  | { readonly method: 'recordEvents'; readonly request: readonly EventInput[] };

export const TEST_MODEL_VERSION = 'test-ranker-1';
const LEXICAL_WEIGHT = 0.5;
const BIAS = -1;

/**
 * A test double of the application layer for API-layer tests: an in-memory catalog, stats and
 * profiles, a deterministic toy ranking (title words count 2, category and tag words 1), every
 * call and every loader batch recorded. It does not filter: tests assert the filter it received.
 */
export class InMemoryGateway implements Gateway {
  readonly items = new Map<string, Item>();
  readonly stats = new Map<string, ItemStats>();
  readonly profiles = new Map<string, UserProfile>();
  readonly calls: GatewayCall[] = [];
  /** Keys of every loader batch, per loader, in call order. */
  readonly batches: Record<keyof Loaders, string[][]> = { items: [], vectors: [], collaborativeVectors: [], itemStats: [], userProfiles: [] };
  private readonly eventIds = new Set<string>();
  private requestCount = 0;
  /** Returned in every page: stands in for a pipeline stage that failed and was skipped. */
  warnings: string[] = [];
  /** Thrown by the next pipeline call, then cleared: stands in for a bug or a failing store. */
  failure: Error | null = null;
  /** Thrown by every item lookup while set: stands in for a catalog that cannot be read. */
  catalogFailure: Error | null = null;
  /** Items removed from the catalog after ranking, before the API renders the page. */
  vanishAfterRanking: string[] = [];

  constructor(items: readonly Item[], options: { stats?: readonly ItemStats[]; profiles?: readonly UserProfile[] } = {}) {
    for (const item of items) this.items.set(item.id, item);
    for (const stats of options.stats ?? []) this.stats.set(stats.itemId, stats);
    for (const profile of options.profiles ?? []) this.profiles.set(profile.userId, profile);
  }

  /** What `rankerModels` reports: the hand-set file unless a test sets another. */
  models: RankerModels = loadRankerModels(new URL('../../models/ranker-hand-set.json', import.meta.url).pathname);

  rankerModels(): RankerModels {
    return this.models;
  }

  createScope(): RequestScope {
    const loader = <V>(name: keyof Loaders, lookup: (id: string) => V | null) =>
      new DataLoader<string, V | null>(async (ids) => {
        if (name === 'items' && this.catalogFailure) throw this.catalogFailure;
        this.batches[name].push([...ids]);
        return ids.map(lookup);
      });
    return {
      featureStore: new UnavailableLatch(),
      loaders: {
        items: loader('items', (id) => this.items.get(id) ?? null),
        vectors: loader('vectors', () => null as Float32Array | null),
        collaborativeVectors: loader('collaborativeVectors', () => null as Float32Array | null),
        itemStats: loader('itemStats', (id) => this.stats.get(id) ?? null),
        userProfiles: loader('userProfiles', (id) => this.profiles.get(id) ?? null),
      },
    };
  }

  async search(request: SearchRequest): Promise<ResultPage> {
    this.calls.push({ method: 'search', request });
    this.throwFailure();
    const words = request.query.toLowerCase().split(/\W+/).filter(Boolean);
    const scored = [...this.items.values()].map((item) => ({ item, score: lexicalScore(item, words) }));
    return this.page('lexical', scored.filter(({ score }) => score > 0), request, request.diversity);
  }

  async recommend(request: RecommendRequest): Promise<ResultPage> {
    this.calls.push({ method: 'recommend', request });
    this.throwFailure();
    const seen = this.profiles.get(request.userId ?? '')?.seenItemIds ?? new Set<string>();
    const candidates = [...this.items.values()].filter((item) => !seen.has(item.id) && !request.itemIds.includes(item.id));
    const scored = candidates.map((item) => ({ item, score: this.stats.get(item.id)?.positiveUsers ?? 0 }));
    return this.page('popularity', scored, request, request.diversity);
  }

  async similar(request: SimilarRequest): Promise<ResultPage> {
    this.calls.push({ method: 'similar', request });
    this.throwFailure();
    const seed = this.items.get(request.itemId);
    if (!seed) throw new GatewayError('NOT_FOUND', `no item has id ${JSON.stringify(request.itemId)}`, { argument: 'itemId' });
    const scored = [...this.items.values()]
      .filter((item) => item.id !== seed.id)
      .map((item) => ({ item, score: item.categories.filter((category) => seed.categories.includes(category)).length }));
    return this.page('item_similarity', scored.filter(({ score }) => score > 0), request, null);
  }

  async upsertItems(inputs: readonly ItemInput[]): Promise<{ readonly ids: readonly string[] }> {
    this.calls.push({ method: 'upsertItems', request: inputs });
    for (const input of inputs) this.items.set(input.id, { ...input, createdAt: Date.UTC(2024, 6, 1) });
    return { ids: inputs.map((input) => input.id) };
  }

  async deleteItems(ids: readonly string[]) {
    this.calls.push({ method: 'deleteItems', request: ids });
    const deleted = ids.filter((id) => this.items.delete(id));
    return { deleted, notFound: ids.filter((id) => !deleted.includes(id)) };
  }

  async recordEvents(events: readonly EventInput[]): Promise<EventOutcome[]> {
    this.calls.push({ method: 'recordEvents', request: events });
    return events.map((event, index) => {
      const eventId = event.id ?? `${event.type}:${event.userId}:${event.itemId}:${event.timestamp ?? 0}`;
      if (!this.items.has(event.itemId)) {
        return { index, eventId, status: 'rejected', reason: `unknown item id ${JSON.stringify(event.itemId)}` };
      }
      if (this.eventIds.has(eventId)) return { index, eventId, status: 'duplicate', reason: null };
      this.eventIds.add(eventId);
      return { index, eventId, status: 'accepted', reason: null };
    });
  }

  private throwFailure(): void {
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
  }

  private page(
    source: RetrievalSource,
    scored: readonly { item: Item; score: number }[],
    window: PageWindow,
    diversity: number | null,
  ): ResultPage {
    const ordered = [...scored].sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id));
    const ranked = ordered.map(({ item, score }, index) => rankedItem(item.id, source, score, index + 1, diversity));
    for (const id of this.vanishAfterRanking) this.items.delete(id);
    this.requestCount += 1;
    return {
      requestId: `req-${this.requestCount}`,
      items: ranked.slice(window.offset, window.offset + window.first),
      offset: window.offset,
      total: ranked.length,
      modelVersion: TEST_MODEL_VERSION,
      warnings: [...this.warnings],
      timings: { retrieval: 1 },
    };
  }
}

function lexicalScore(item: Item, words: readonly string[]): number {
  const title = item.title.toLowerCase().split(/\W+/);
  const labels = [...item.categories, ...item.tags].map((label) => label.toLowerCase());
  return words.reduce((sum, word) => sum + (title.includes(word) ? 2 : 0) + (labels.includes(word) ? 1 : 0), 0);
}

/** A ranked item whose every number follows from the source score, so tests can state them. */
export function rankedItem(itemId: string, source: RetrievalSource, score: number, rank: number, diversity: number | null): RankedItem {
  const contribution = LEXICAL_WEIGHT * score;
  const logit = BIAS + contribution;
  const probability = 1 / (1 + Math.exp(-logit));
  return {
    itemId,
    fusedScore: 1 / (60 + rank),
    hits: [{ source, score, rank }],
    score: probability,
    logit,
    bias: BIAS,
    contributions: [{ name: `${source}_score`, value: score, standardizedValue: score, weight: LEXICAL_WEIGHT, contribution }],
    modelVersion: TEST_MODEL_VERSION,
    finalScore: diversity === null ? probability : probability * (1 - diversity),
    rerank: diversity === null ? [] : [{ step: 'mmr', rankBefore: rank, rankAfter: rank, detail: `diversity ${diversity} kept its place` }],
  };
}
