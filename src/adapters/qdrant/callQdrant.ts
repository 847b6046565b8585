import { setTimeout as sleep } from 'node:timers/promises';
import { describeCause, failureKind, toGatewayError } from './qdrantFailure.js';

export interface CallPolicy {
  /** Extra attempts after a failure that says the backend is unavailable; reads only. */
  readonly retries: number;
  readonly baseDelayMs: number;
  /**
   * A read, its retries and the waits between them together end after this long (none unless
   * given), so that a hung server costs a request a known time, not attempts x timeout.
   */
  readonly readBudgetMs?: number;
  readonly log: (line: string) => void;
  /** Uniform in [0, 1); injectable, with `sleep`, so that tests see the delays without waiting. */
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<unknown>;
}

/** A read that used up its budget: reported like a timeout, so that it is BACKEND_UNAVAILABLE and not retried. */
class ReadBudgetExceeded extends Error {
  override name = 'ReadBudgetExceeded';
}

/**
 * Runs one Qdrant call and turns its failure into a GatewayError, with the cause logged.
 * Idempotent reads are retried with exponential backoff and full jitter (a random delay up
 * to base * 2^attempt, so that replicas do not retry in step) while their budget lasts;
 * writes are never retried blindly, since a timed-out write may have been applied.
 */
export async function callQdrant<T>(operation: string, kind: 'read' | 'write', policy: CallPolicy, call: () => Promise<T>): Promise<T> {
  const attempts = kind === 'read' ? policy.retries + 1 : 1;
  const random = policy.random ?? Math.random;
  const wait = policy.sleep ?? sleep;
  const budget = kind === 'read' ? policy.readBudgetMs : undefined;
  const deadline = budget === undefined ? Infinity : Date.now() + budget;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await beforeDeadline(call(), deadline, budget);
    } catch (error) {
      const delay = Math.floor(random() * policy.baseDelayMs * 2 ** (attempt - 1));
      const retry = attempt < attempts && failureKind(error) === 'unavailable' && !(error instanceof ReadBudgetExceeded) && Date.now() + delay < deadline;
      policy.log(`qdrant ${operation} failed (attempt ${attempt} of ${attempts}${retry ? ', retrying' : ''}): ${describeCause(error)}`);
      if (!retry) throw toGatewayError(operation, error);
      await wait(delay);
    }
  }
}

/** The call's answer, or ReadBudgetExceeded at the deadline (the call itself ends at the client's timeout). */
async function beforeDeadline<T>(answer: Promise<T>, deadline: number, budget: number | undefined): Promise<T> {
  if (deadline === Infinity) return answer;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ReadBudgetExceeded(`no answer within the read budget of ${budget} ms`)), Math.max(0, deadline - Date.now()));
  });
  // The losing call may still fail later; that failure is no one's to handle.
  answer.catch(() => {});
  try {
    return await Promise.race([answer, expired]);
  } finally {
    clearTimeout(timer);
  }
}
