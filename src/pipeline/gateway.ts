import type { Loaders } from '../features/loaders.js';
import type { RankerModels } from '../ranking/rankerModel.js';
import type { UnavailableLatch } from './unavailableLatch.js';
import type {
  EventInput,
  EventOutcome,
  ItemInput,
  RecommendRequest,
  ResultPage,
  SearchRequest,
  SimilarRequest,
} from './requests.js';

/** What one request brings to the pipeline. */
export interface RequestScope {
  readonly loaders: Loaders;
  /**
   * Every call of the request to the feature store (its loaders, popularity, the impression log
   * kept there) goes through this: after one found the store unavailable, the others do not wait.
   */
  readonly featureStore: UnavailableLatch;
}

/**
 * The application: what the GraphQL layer (and the CLI) call. Errors it throws are
 * GatewayErrors with stable codes; anything else is a bug and gets masked.
 */
export interface Gateway {
  search(request: SearchRequest, scope: RequestScope): Promise<ResultPage>;
  recommend(request: RecommendRequest, scope: RequestScope): Promise<ResultPage>;
  similar(request: SimilarRequest, scope: RequestScope): Promise<ResultPage>;
  upsertItems(items: readonly ItemInput[]): Promise<{ readonly ids: readonly string[] }>;
  deleteItems(ids: readonly string[]): Promise<{ readonly deleted: readonly string[]; readonly notFound: readonly string[] }>;
  recordEvents(events: readonly EventInput[]): Promise<EventOutcome[]>;
  /** The ranker models serving now (a reloaded model file shows at once). */
  rankerModels(): RankerModels;
  /** Builds the loaders of one request. */
  createScope(): RequestScope;
}
