import type { Gateway, RequestScope } from '../pipeline/gateway.js';
import type { StageTimings } from '../pipeline/requests.js';

/**
 * What the caller may do, decided once per request from its API key: `open` when no keys are
 * configured, `granted` for a matching key, `missing`/`wrong` otherwise. Only mutations look
 * at it; queries stay open.
 */
export type Access = 'open' | 'granted' | 'missing' | 'wrong';

/** The per-request value every resolver receives. */
export interface GraphQLContext {
  readonly gateway: Gateway;
  /** The request's DataLoaders: shared by the pipeline and the field resolvers, never across requests. */
  readonly scope: RequestScope;
  readonly access: Access;
  /**
   * Degradations the pipeline reported while answering (a stage that failed and was skipped);
   * sent back in the response's `extensions.warnings` instead of failing the request.
   */
  readonly warnings: string[];
  /** The stage timings of every pipeline call the request made, for `extensions.timings` and the Prometheus metrics. */
  readonly stageTimings: StageTimings[];
}
