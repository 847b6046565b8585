import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeCursor } from '../../src/graphql/cursor.js';
import { listKey } from '../../src/graphql/listKey.js';
import { startHarness, type Harness } from '../support/graphqlHarness.js';

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $first: Int, $after: String, $diversity: Float, $userId: ID) {
    search(query: $query, first: $first, after: $after, diversity: $diversity, userId: $userId) {
      requestId
      totalCount
      modelVersion
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        rank
        score
        node { id title year categories createdAt }
        explanation {
          retrieval { source score rank }
          fusedScore
          features { name value weight contribution }
          logit
          rankerScore
          modelVersion
          reranking { step rankBefore rankAfter detail }
        }
      }
    }
  }
`;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The cursor at `position` of the plain search list for `query`. */
const cursorOf = (query: string, position: number) =>
  encodeCursor(position, listKey('search', { query, filter: null, userId: null, diversity: null }));

describe('search', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  it('maps the ranked page to a connection with cursors, ranks, scores and explanations', async () => {
    const result = await harness.run(SEARCH, { query: '  toy story ', first: 2 });

    expect(result.errors).toBeUndefined();
    expect(harness.gateway.calls.at(-1)).toEqual({
      method: 'search',
      request: { query: 'toy story', filter: null, userId: null, diversity: null, first: 2, offset: 0 },
    });
    expect(result.data).toEqual({
      search: {
        requestId: 'req-1',
        totalCount: 2,
        modelVersion: 'test-ranker-1',
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: cursorOf('toy story', 0), endCursor: cursorOf('toy story', 1) },
        edges: [
          {
            cursor: cursorOf('toy story', 0),
            rank: 1,
            score: sigmoid(1),
            node: {
              id: '1',
              title: 'Toy Story',
              year: 1995,
              categories: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
              createdAt: '2024-01-01T00:00:00.000Z',
            },
            explanation: {
              retrieval: [{ source: 'LEXICAL', score: 4, rank: 1 }],
              fusedScore: 1 / 61,
              features: [{ name: 'lexical_score', value: 4, weight: 0.5, contribution: 2 }],
              logit: 1,
              rankerScore: sigmoid(1),
              modelVersion: 'test-ranker-1',
              reranking: [],
            },
          },
          {
            cursor: cursorOf('toy story', 1),
            rank: 2,
            score: sigmoid(1),
            node: {
              id: '3114',
              title: 'Toy Story 2',
              year: 1999,
              categories: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'],
              createdAt: '2024-01-01T00:00:00.000Z',
            },
            explanation: {
              retrieval: [{ source: 'LEXICAL', score: 4, rank: 2 }],
              fusedScore: 1 / 62,
              features: [{ name: 'lexical_score', value: 4, weight: 0.5, contribution: 2 }],
              logit: 1,
              rankerScore: sigmoid(1),
              modelVersion: 'test-ranker-1',
              reranking: [],
            },
          },
        ],
      },
    });
  });

  it('pages with after: the next page starts after the cursor, ranks continue, and pageInfo says where it is', async () => {
    const first = await harness.run(SEARCH, { query: 'adventure', first: 2 });
    const page1 = (first.data as any).search;
    expect(page1.totalCount).toBe(6);
    expect(page1.edges.map((edge: any) => [edge.rank, edge.node.id])).toEqual([[1, '1'], [2, '1196']]);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: cursorOf('adventure', 0), endCursor: cursorOf('adventure', 1) });

    const second = await harness.run(SEARCH, { query: 'adventure', first: 3, after: page1.pageInfo.endCursor });
    const page2 = (second.data as any).search;
    expect(harness.gateway.calls.at(-1)).toMatchObject({ method: 'search', request: { offset: 2, first: 3 } });
    expect(page2.edges.map((edge: any) => [edge.rank, edge.cursor, edge.node.id])).toEqual([
      [3, cursorOf('adventure', 2), '2'],
      [4, cursorOf('adventure', 3), '2355'],
      [5, cursorOf('adventure', 4), '260'],
    ]);
    expect(page2.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: cursorOf('adventure', 2), endCursor: cursorOf('adventure', 4) });

    const last = await harness.run(SEARCH, { query: 'adventure', first: 3, after: page2.pageInfo.endCursor });
    const page3 = (last.data as any).search;
    expect(page3.edges.map((edge: any) => edge.node.id)).toEqual(['3114']);
    expect(page3.pageInfo.hasNextPage).toBe(false);
  });

  it('gives an empty page with null cursors past the end', async () => {
    const result = await harness.run(SEARCH, { query: 'toy', after: cursorOf('toy', 5) });
    expect((result.data as any).search).toMatchObject({
      totalCount: 2,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('passes userId and diversity through, and shows the re-ranking steps', async () => {
    const result = await harness.run(SEARCH, { query: 'pulp', userId: '7', diversity: 0.5, first: 1 });
    expect(harness.gateway.calls.at(-1)).toEqual({
      method: 'search',
      request: { query: 'pulp', filter: null, userId: '7', diversity: 0.5, first: 1, offset: 0 },
    });
    const edge = (result.data as any).search.edges[0];
    expect(edge.score).toBeCloseTo(sigmoid(0) * 0.5, 12);
    expect(edge.explanation.rankerScore).toBe(sigmoid(0));
    expect(edge.explanation.reranking).toEqual([{ step: 'mmr', rankBefore: 1, rankAfter: 1, detail: 'diversity 0.5 kept its place' }]);
  });

  it('loads every node of a page in one items batch and every stats row in one itemStats batch', async () => {
    const gateway = harness.gateway;
    const before = { items: gateway.batches.items.length, stats: gateway.batches.itemStats.length };
    await harness.run(`{ search(query: "adventure", first: 6) { edges { node { id stats { ratingCount } } } } }`);
    expect(gateway.batches.items.slice(before.items)).toEqual([['1', '1196', '2', '2355', '260', '3114']]);
    expect(gateway.batches.itemStats.slice(before.stats)).toEqual([['1', '1196', '2', '2355', '260', '3114']]);
  });
});
