import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../support/graphqlHarness.js';

describe('mutations', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  it('upserts items with the SDL defaults for omitted fields', async () => {
    const result = await harness.run(
      'mutation ($items: [ItemInput!]!) { upsertItems(items: $items) { upsertedCount ids } }',
      { items: [{ id: 'new-1', title: 'Coco', categories: ['Animation'], year: 2017 }, { id: 'new-2', title: 'Up', text: null }] },
    );
    expect(result).toEqual({ data: { upsertItems: { upsertedCount: 2, ids: ['new-1', 'new-2'] } } });
    expect(harness.gateway.calls.at(-1)).toEqual({
      method: 'upsertItems',
      request: [
        { id: 'new-1', title: 'Coco', text: '', categories: ['Animation'], tags: [], year: 2017 },
        { id: 'new-2', title: 'Up', text: '', categories: [], tags: [], year: null },
      ],
    });
    expect(await harness.run('{ item(id: "new-1") { title createdAt } }')).toEqual({
      data: { item: { title: 'Coco', createdAt: '2024-07-01T00:00:00.000Z' } },
    });
  });

  it('deletes items and says which ids were not there', async () => {
    const result = await harness.run('mutation { deleteItems(ids: ["new-2", "never-was"]) { deletedIds notFoundIds } }');
    expect(result).toEqual({ data: { deleteItems: { deletedIds: ['new-2'], notFoundIds: ['never-was'] } } });
    const tooMany = await harness.run('mutation ($ids: [ID!]!) { deleteItems(ids: $ids) { deletedIds } }', {
      ids: Array.from({ length: 501 }, (_, i) => String(i)),
    });
    expect(tooMany.errors?.[0]).toMatchObject({ message: '`ids` takes at most 500 ids per call, got 501', extensions: { code: 'BAD_USER_INPUT', argument: 'ids' } });
  });

  it('refuses ids no item could have, as every other id argument does, and deletes none of the call', async () => {
    const deleteIds = 'mutation ($ids: [ID!]!) { deleteItems(ids: $ids) { deletedIds notFoundIds } }';
    const empty = await harness.run(deleteIds, { ids: ['1', ''] });
    expect([empty.data, empty.errors?.map((error) => [error.message, error.extensions])]).toEqual([
      { deleteItems: null },
      [['`ids[1]` must not be empty', { code: 'BAD_USER_INPUT', argument: 'ids' }]],
    ]);
    const long = await harness.run(deleteIds, { ids: ['1', 'x'.repeat(200)] });
    expect(long.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['`ids[1]` must be at most 128 characters, got 200', { code: 'BAD_USER_INPUT', argument: 'ids' }],
    ]);
    expect(await harness.run('{ item(id: "1") { id } }')).toEqual({ data: { item: { id: '1' } } });
  });

  it('records events: enum values to domain types, DateTime to epoch ms, one result per event', async () => {
    const result = await harness.run(
      'mutation ($events: [EventInput!]!) { recordEvents(events: $events) { acceptedCount results { index eventId status reason } } }',
      {
        events: [
          { id: 'e1', type: 'RATING', userId: 'u1', itemId: '1', value: 4.5, timestamp: '2024-06-01T10:00:00+02:00', requestId: 'req-9' },
          { id: 'e1', type: 'RATING', userId: 'u1', itemId: '1', value: 4.5 },
          { type: 'ADD_TO_CART', userId: 'u1', itemId: 'ghost' },
        ],
      },
    );
    expect(harness.gateway.calls.at(-1)).toEqual({
      method: 'recordEvents',
      request: [
        { id: 'e1', type: 'rating', userId: 'u1', itemId: '1', value: 4.5, timestamp: Date.UTC(2024, 5, 1, 8), requestId: 'req-9' },
        { id: 'e1', type: 'rating', userId: 'u1', itemId: '1', value: 4.5, timestamp: null, requestId: null },
        { id: null, type: 'add_to_cart', userId: 'u1', itemId: 'ghost', value: null, timestamp: null, requestId: null },
      ],
    });
    expect(result).toEqual({
      data: {
        recordEvents: {
          acceptedCount: 1,
          results: [
            { index: 0, eventId: 'e1', status: 'ACCEPTED', reason: null },
            { index: 1, eventId: 'e1', status: 'DUPLICATE', reason: null },
            { index: 2, eventId: 'add_to_cart:u1:ghost:0', status: 'REJECTED', reason: 'unknown item id "ghost"' },
          ],
        },
      },
    });
  });
});

describe('mutations with API keys configured', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ apiKeys: ['k1'] });
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  const DELETE = 'mutation { deleteItems(ids: ["1"]) { deletedIds } }';

  it('refuses a mutation without a key (UNAUTHENTICATED) or with a wrong one (FORBIDDEN), before any resolver runs', async () => {
    expect(await harness.run(DELETE, {}, 'missing')).toEqual({
      errors: [
        {
          message: 'Mutations need an API key: send it in the `x-api-key` header or as `authorization: Bearer <key>`',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    expect(await harness.run(DELETE, {}, 'wrong')).toEqual({
      errors: [{ message: 'The API key is not valid for mutations', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(harness.gateway.calls).toEqual([]);
  });

  it('runs a mutation with a granted key, and queries without any', async () => {
    expect(await harness.run(DELETE, {}, 'granted')).toEqual({ data: { deleteItems: { deletedIds: ['1'] } } });
    expect(await harness.run('{ item(id: "2") { id } }', {}, 'missing')).toEqual({ data: { item: { id: '2' } } });
  });
});
