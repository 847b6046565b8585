import { describe, expect, it } from '@jest/globals';
import { runBench } from '../../src/eval/bench/runBench.js';

describe('runBench on the movielens-small fixture', () => {
  it('loads every operation at each concurrency and counts FeatureStore round trips per request', async () => {
    const report = await runBench({
      dataDir: 'test/fixtures/movielens-small',
      concurrency: [1, 2],
      seconds: 1,
      maxRequests: 8,
      inputs: 4,
      rounds: 1,
      env: { ...process.env, EMBEDDING_MODEL: 'builtin' },
    });
    expect(report.ingestion).toMatchObject({ items: 300, events: 13922 });
    for (const operation of ['search', 'recommendations', 'similarItems'] as const) {
      expect(report.load[operation].map((run) => [run.connections, run.errors, run.non2xx, run.graphqlErrors])).toEqual([
        [1, 0, 0, 0],
        [2, 0, 0, 0],
      ]);
      expect(report.stages[operation].requests).toBe(4);
    }
    // One batched call per store and request, whatever the number of candidates.
    expect(report.featureStoreCallsPerRequest).toEqual({
      search: { getItemStats: 1, getUserProfiles: 0, popular: 0, total: 1 },
      recommendations: { getItemStats: 1, getUserProfiles: 1, popular: 1, total: 3 },
      similarItems: { getItemStats: 1, getUserProfiles: 0, popular: 0, total: 1 },
    });
    const { batchedVersusUnbatched } = report.inProcess;
    expect(batchedVersusUnbatched.batched.featureStoreCallsPerRequest).toBe(2);
    expect(batchedVersusUnbatched.unbatched.featureStoreCallsPerRequest).toBeGreaterThan(10);
    expect(report.inProcess.fullVersusRetrieval.full.n).toBe(4);
  });
});
