import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGatewayUnderTest, type GatewayUnderTest } from '../../src/eval/gatewayUnderTest.js';
import { ingestFiles } from '../../src/ingestion/ingestFiles.js';

let work: string;
let gateway: GatewayUnderTest;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'server-timings-'));
  gateway = await startGatewayUnderTest({
    dataDir: work,
    env: { EMBEDDING_MODEL: 'builtin' },
    prepare: async (stores) => {
      await ingestFiles({ movieLens: 'test/fixtures/movielens-small' }, stores);
    },
  });
});

afterAll(async () => {
  await gateway?.stop();
  await rm(work, { recursive: true, force: true });
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[]; extensions?: Record<string, any> };
}

const SEARCH = '{ search(query: "toy story", first: 3) { edges { node { id } } } }';

describe('server timings and metrics over HTTP, on the real gateway', () => {
  it('puts per-stage timings in extensions only when x-debug-timings: 1 is sent', async () => {
    const timed = await post(SEARCH, { 'x-debug-timings': '1' });
    const timings = timed.extensions?.['timings'];
    expect(Object.keys(timings.stagesMs).sort()).toEqual(['embedding', 'features', 'reranking', 'retrieval', 'scoring']);
    expect(typeof timings.executionMs).toBe('number');
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.executionMs);

    const plain = await post(SEARCH);
    expect(plain.extensions?.['timings']).toBeUndefined();
    expect(await post(SEARCH, { 'x-debug-timings': 'yes' })).not.toHaveProperty('extensions.timings');

    const recommended = await post('{ recommendations(userId: "1", first: 3) { edges { node { id } } } }', { 'x-debug-timings': '1' });
    expect(Object.keys(recommended.extensions?.['timings'].stagesMs).sort()).toEqual(['features', 'reranking', 'retrieval', 'scoring']);
  });

  it('counts requests, stage observations and errors by code on GET /metrics', async () => {
    const bad = await post('{ search(query: "", first: 3) { edges { node { id } } } }');
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/metrics'));
    expect(response.headers.get('content-type')).toContain('text/plain');
    const lines = (await response.text()).split('\n');
    // Three searches answered by the first test, one refused here; one recommendation.
    expect(lines).toContain('gateway_graphql_requests_total{operation="search"} 4');
    expect(lines).toContain('gateway_graphql_requests_total{operation="recommendations"} 1');
    expect(lines).toContain('gateway_graphql_errors_total{operation="search",code="BAD_USER_INPUT"} 1');
    expect(lines).toContain('gateway_stage_duration_seconds_count{operation="search",stage="embedding"} 3');
    expect(lines).toContain('gateway_stage_duration_seconds_count{operation="recommendations",stage="features"} 1');
    expect(lines).toContain('gateway_graphql_request_duration_seconds_count{operation="search"} 4');
  });
});
