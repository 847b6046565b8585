import { describe, expect, it } from '@jest/globals';
import { callQdrant } from '../../src/adapters/qdrant/callQdrant.js';
import { failureKind } from '../../src/adapters/qdrant/qdrantFailure.js';
import { GatewayError } from '../../src/domain/errors.js';

const httpError = (status: number) => Object.assign(new Error(`Unexpected Response: ${status}`), { status, data: { status: { error: `reason ${status}` } } });

describe('callQdrant', () => {
  it('classifies failures: unavailable (retry), a missing example (the caller\'s ids) or refused (the server\'s state)', () => {
    expect([500, 502, 503, 408, 429].map((status) => failureKind(httpError(status)))).toEqual(Array(5).fill('unavailable'));
    expect([400, 404, 409, 422].map((status) => failureKind(httpError(status)))).toEqual(Array(4).fill('refused'));
    expect(failureKind(new TypeError('fetch failed'))).toBe('unavailable');
    const missing = (status: number, error: string) => Object.assign(httpError(status), { data: { status: { error } } });
    expect(failureKind(missing(404, 'Not found: No point with id 6f1d0b4e-0000-4000-8000-000000000000 found'))).toBe('example');
    expect(failureKind(missing(400, 'Wrong input: Vector "collaborative" of point 6f1d0b4e-0000-4000-8000-000000000000 not found'))).toBe('example');
    expect(failureKind(missing(404, 'Collection `items` doesn\'t exist!'))).toBe('refused');
  });

  it('retries a read with exponential backoff and full jitter, then answers', async () => {
    const failures = [httpError(503), httpError(502)];
    const lines: string[] = [];
    const random = [0.5, 0.25];
    const delays: number[] = [];
    const policy = { retries: 2, baseDelayMs: 40, log: (line: string) => lines.push(line), random: () => random.shift()!, sleep: async (ms: number) => delays.push(ms) };
    const value = await callQdrant('count', 'read', policy, async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 6;
    });
    expect(value).toBe(6);
    expect(lines).toEqual([
      'qdrant count failed (attempt 1 of 3, retrying): HTTP 503 Error: Unexpected Response: 503',
      'qdrant count failed (attempt 2 of 3, retrying): HTTP 502 Error: Unexpected Response: 502',
    ]);
    // Up to 40 ms, then up to 80 ms, each scaled by a random draw.
    expect(delays).toEqual([20, 20]);
  });

  it('does not retry a write, nor a rejected read, and says which code the caller gets', async () => {
    let calls = 0;
    const policy = { retries: 3, baseDelayMs: 1, log: () => {} };
    await expect(callQdrant('upsert', 'write', policy, async () => {
      calls += 1;
      throw httpError(503);
    })).rejects.toEqual(new GatewayError('BACKEND_UNAVAILABLE', 'Qdrant is unavailable (upsert)'));
    expect(calls).toBe(1);
    await expect(callQdrant('query', 'read', policy, async () => {
      calls += 1;
      throw httpError(400);
    })).rejects.toEqual(new GatewayError('BACKEND_UNAVAILABLE', 'Qdrant is unavailable (query)'));
    expect(calls).toBe(2);
  });

  it('ends a read that hangs at its budget, without retrying it, whatever the retries', async () => {
    const lines: string[] = [];
    const policy = { retries: 5, baseDelayMs: 1, readBudgetMs: 50, log: (line: string) => lines.push(line) };
    let calls = 0;
    const hung = callQdrant('query', 'read', policy, () => {
      calls += 1;
      return new Promise<never>(() => {});
    });
    await expect(hung).rejects.toEqual(new GatewayError('BACKEND_UNAVAILABLE', 'Qdrant is unavailable (query)'));
    expect(calls).toBe(1);
    expect(lines).toEqual(['qdrant query failed (attempt 1 of 6): ReadBudgetExceeded: no answer within the read budget of 50 ms']);
  });
});
