import { GatewayError } from '../domain/errors.js';

/**
 * One request's calls to one backend, failing fast: once a call has found the backend
 * unavailable (BACKEND_UNAVAILABLE, for Redis after REDIS_COMMAND_TIMEOUT_MS), the request's
 * later calls fail at once with the same error instead of each waiting out a timeout of its own
 * in turn. Calls already in flight are not cut short. Built per request, so the next request
 * asks the backend again.
 */
export class UnavailableLatch {
  private failure: GatewayError | null = null;

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.failure) throw this.failure;
    try {
      return await call();
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'BACKEND_UNAVAILABLE') this.failure ??= error;
      throw error;
    }
  }
}
