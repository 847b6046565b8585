import autocannon from 'autocannon';
import { percentile } from './percentile.js';

export interface LoadTestOptions {
  /** The GraphQL endpoint, on loopback. */
  readonly url: string;
  /** JSON bodies of the operations to send, cycled through by every connection. */
  readonly bodies: readonly string[];
  readonly connections: number;
  /** Upper bound on the run's length, in seconds. */
  readonly seconds: number;
  /** Upper bound on the number of requests. */
  readonly maxRequests: number;
}

export interface LoadTestResult {
  readonly connections: number;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  /** Transport errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** 200 responses whose body carried GraphQL errors. */
  readonly graphqlErrors: number;
}

/**
 * One closed-loop load test with autocannon: `connections` clients each send the next body
 * as soon as the previous answer arrives, until the time or the request budget is spent.
 * Latencies are kept per response, so p95 is exact (autocannon itself reports p97.5).
 */
export async function loadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(options.url)) {
    throw new Error(`loadTest only targets loopback addresses, got ${options.url}`);
  }
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const target = new URL(options.url);
  let finish: (error: unknown, result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  // The callback form returns the instance, whose per-response events carry the latencies.
  const instance = autocannon({
    url: target.origin,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: Math.max(options.maxRequests, options.connections),
    timeout: 30,
    requests: options.bodies.map((body) => ({
      method: 'POST',
      path: target.pathname,
      headers: { 'content-type': 'application/json' },
      body,
      onResponse: (_status: number, responseBody: string) => {
        if (responseBody.includes('"errors":')) graphqlErrors += 1;
      },
    })),
  }, (error, result) => finish(error, result));
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    connections: options.connections,
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    graphqlErrors,
  };
}
