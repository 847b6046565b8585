import { setTimeout as sleep } from 'node:timers/promises';
import { describeCause, failureKind, toGatewayError } from './qdrantFailure.js';

export interface CallPolicy {
  /** Extra attempts after a failure that says the backend is unavailable; reads only. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly log: (line: string) => void;
  /** Uniform in [0, 1); injectable, with `sleep`, so that tests see the delays without waiting. */
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Runs one Qdrant call and turns its failure into a GatewayError, with the cause logged.
 * Idempotent reads are retried with exponential backoff and full jitter (a random delay up
 * to base * 2^attempt, so that replicas do not retry in step); writes are never retried
 * blindly, since a timed-out write may have been applied.
 */
export async function callQdrant<T>(operation: string, kind: 'read' | 'write', policy: CallPolicy, call: () => Promise<T>): Promise<T> {
  const attempts = kind === 'read' ? policy.retries + 1 : 1;
  const random = policy.random ?? Math.random;
  const wait = policy.sleep ?? sleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const retry = attempt < attempts && failureKind(error) === 'unavailable';
      policy.log(`qdrant ${operation} failed (attempt ${attempt} of ${attempts}${retry ? ', retrying' : ''}): ${describeCause(error)}`);
      if (!retry) throw toGatewayError(operation, error);
      await wait(Math.floor(random() * policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
