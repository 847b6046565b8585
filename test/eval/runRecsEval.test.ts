import { describe, expect, it } from '@jest/globals';
import { runRecsEval } from '../../src/eval/recs/runRecsEval.js';
import { RECS_METRICS } from '../../src/eval/recs/scoreRecommendations.js';

describe('runRecsEval on the movielens-small fixture', () => {
  it('splits, ingests, asks the real gateway over HTTP and scores it beside the baselines', async () => {
    const report = await runRecsEval({ dataDir: 'test/fixtures/movielens-small', limitUsers: 10, seed: 7, env: { EMBEDDING_MODEL: 'builtin' } });

    expect(report.split).toEqual({
      ratings: 13922,
      trainRatings: 11174,
      testRatings: 2748,
      users: 100,
      testUsers: 99,
      evaluatedUsers: 10,
      tagsDropped: 113,
    });
    expect(report.ingestion).toMatchObject({ items: 300, itemsRefused: 0, events: 11174, eventsRefused: 0 });
    expect(report.systems.map((system) => [system.name, system.users, system.failures])).toEqual([
      ['gateway (GraphQL, collaborative on)', 10, 0],
      ['item2vec alone (collaborative source, no fusion)', 10, 0],
      ['random', 10, 0],
      ['most popular', 10, 0],
      ['item-kNN', 10, 0],
    ]);
    const gateway = report.systems[0]!;
    expect(gateway.emptyLists).toBe(0);
    for (const metric of RECS_METRICS) {
      expect(gateway.metrics[metric]).toBeGreaterThanOrEqual(0);
      expect(gateway.metrics[metric]).toBeLessThanOrEqual(1);
    }
    // The baselines are deterministic for the fixture, the split and the seed.
    for (const system of report.systems.slice(2)) {
      const expected = EXPECTED_BASELINES[system.name]!;
      for (const metric of RECS_METRICS) expect([system.name, metric, system.metrics[metric]]).toEqual([system.name, metric, expect.closeTo(expected[metric], 12)]);
    }
    // item2vec was trained on the training split before the gateway served (the demo's defaults).
    expect(report.item2vec).toMatchObject({ dimension: 64, stored: expect.any(Number) });
    expect(report.item2vec!['stored']).toBeGreaterThan(100);
    expect(report.seed).toBe(7);
    expect(report.config).toMatchObject({ first: 20, testFraction: 0.2, positiveRating: 4, limitUsers: 10, itemKnnNeighbours: 100 });
  });
});

const EXPECTED_BASELINES: Record<string, Record<(typeof RECS_METRICS)[number], number>> = {
  random: {
    'Recall@10': 0.04242424242424242,
    'Recall@20': 0.06961038961038961,
    'NDCG@10': 0.06011093283021342,
    'MRR@10': 0.0875,
    'MAP@10': 0.013513279048993335,
    'Coverage@10': 0.2966666666666667,
    'ILD@10': 0.8625666987333656,
  },
  'most popular': {
    'Recall@10': 0.12618482966309053,
    'Recall@20': 0.2649094673442499,
    'NDCG@10': 0.19024449684669711,
    'MRR@10': 0.4020833333333333,
    'MAP@10': 0.06269804298531007,
    'Coverage@10': 0.13666666666666666,
    'ILD@10': 0.7904012345679013,
  },
  'item-kNN': {
    'Recall@10': 0.16769715791454917,
    'Recall@20': 0.27084603801995105,
    'NDCG@10': 0.2576950032740599,
    'MRR@10': 0.5235714285714286,
    'MAP@10': 0.08758113223330613,
    'Coverage@10': 0.15333333333333332,
    'ILD@10': 0.8015079365079366,
  },
};
