import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeCursor } from '../../src/graphql/cursor.js';
import { listKey } from '../../src/graphql/listKey.js';
import { startHarness, type Harness } from '../support/graphqlHarness.js';

/** The one error of a result, as code, argument and message. */
function onlyError(result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { code: error!.extensions?.['code'], argument: error!.extensions?.['argument'], message: error!.message };
}

describe('argument validation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  const search = (variables: Record<string, unknown>) =>
    harness.run('query ($q: String!, $first: Int, $after: String, $d: Float) { search(query: $q, first: $first, after: $after, diversity: $d) { totalCount } }', variables);

  it('caps first at 100, naming the argument and the cap', async () => {
    expect(onlyError(await search({ q: 'toy', first: 1000 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      message: '`first` must be at most 100 (results are capped at 100 per page), got 1000',
    });
    expect(onlyError(await search({ q: 'toy', first: 0 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      message: '`first` must be from 1 to 100, got 0',
    });
    expect((await search({ q: 'toy', first: 100 })).errors).toBeUndefined();
  });

  it('treats an explicit null first as the default of 10', async () => {
    await search({ q: 'toy', first: null });
    expect(harness.gateway.calls.at(-1)).toMatchObject({ method: 'search', request: { first: 10 } });
  });

  it('bounds the query text after trimming', async () => {
    expect(onlyError(await search({ q: '   ' }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'query',
      message: '`query` must have 1 to 512 characters after trimming, got 0',
    });
    expect(onlyError(await search({ q: 'x'.repeat(513) })).message).toBe('`query` must have 1 to 512 characters after trimming, got 513');
    expect((await search({ q: ` ${'x'.repeat(512)} ` })).errors).toBeUndefined();
  });

  it('bounds diversity to 0..1', async () => {
    expect(onlyError(await search({ q: 'toy', d: 1.5 }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'diversity',
      message: '`diversity` must be from 0 to 1, got 1.5',
    });
    expect(onlyError(await search({ q: 'toy', d: -0.1 })).argument).toBe('diversity');
  });

  it('refuses a cursor this API did not make, naming after', async () => {
    const toyList = listKey('search', { query: 'toy', filter: null, userId: null, diversity: null });
    const forged = Buffer.from(`cursor:v2:${toyList}:-3`).toString('base64url');
    const padded = `${encodeCursor(3, toyList)}==`;
    for (const after of ['not-a-cursor', forged, padded, Buffer.from(`cursor:v2:${toyList}:07`).toString('base64url'), Buffer.from('cursor:v1:3').toString('base64url')]) {
      const error = onlyError(await search({ q: 'toy', after }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.argument).toBe('after');
      expect(error.message).toMatch(/^`after` is not a cursor of this API/);
    }
    expect(onlyError(await search({ q: 'toy', after: 'bogus' })).message).toBe(
      '`after` is not a cursor of this API: pass a `cursor` or `pageInfo.endCursor` from an earlier page, got "bogus"',
    );
    expect((await search({ q: 'toy', after: encodeCursor(3, toyList) })).errors).toBeUndefined();
  });

  it('refuses a cursor of another list, naming after', async () => {
    const otherList = listKey('search', { query: 'star wars', filter: null, userId: null, diversity: null });
    expect(onlyError(await search({ q: 'toy', after: encodeCursor(3, otherList) }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'after',
      message:
        '`after` is a cursor of another list (another query, filter, user or item): page with the cursors of this list, or start again without `after`',
    });
  });

  it('refuses an id argument no item or user could have, naming the argument', async () => {
    const long = 'x'.repeat(129);
    expect(onlyError(await harness.run('{ recommendations(userId: "") { totalCount } }'))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'userId',
      message: '`userId` must not be empty',
    });
    expect(onlyError(await harness.run(`{ item(id: "${long}") { id } }`))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'id',
      message: '`id` must be at most 128 characters, got 129',
    });
    expect(onlyError(await harness.run('{ search(query: "toy", userId: "a\\nb") { totalCount } }')).argument).toBe('userId');
    expect(onlyError(await harness.run(`{ similarItems(itemId: "${long}") { totalCount } }`)).argument).toBe('itemId');
    expect(onlyError(await harness.run('{ recommendations(itemIds: ["1", ""]) { totalCount } }'))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'itemIds',
      message: '`itemIds[1]` must not be empty',
    });
    expect(onlyError(await harness.run(`{ items(ids: ["1", "${long}"]) { id } }`))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'ids',
      message: '`ids[1]` must be at most 128 characters, got 129',
    });
    // Well-formed but unknown stays null, as before.
    expect((await harness.run('{ item(id: "no-such") { id } user(id: "nobody") { id } }')).data).toEqual({ item: null, user: null });
  });

  it('asks recommendations for a user or seed items, and at most 50 seeds', async () => {
    expect(onlyError(await harness.run('{ recommendations { totalCount } }'))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'userId',
      message: 'give `userId`, `itemIds` or both: recommendations need someone or something to start from',
    });
    const seeds = Array.from({ length: 51 }, (_, i) => String(i));
    expect(onlyError(await harness.run('query ($ids: [ID!]) { recommendations(itemIds: $ids) { totalCount } }', { ids: seeds }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'itemIds',
      message: '`itemIds` takes at most 50 ids per call, got 51',
    });
  });

  it('caps items(ids) at 100', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect(onlyError(await harness.run('query ($ids: [ID!]!) { items(ids: $ids) { id } }', { ids }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'ids',
      message: '`ids` takes at most 100 ids per call, got 101',
    });
  });

  it('bounds the lists of a user', async () => {
    const error = onlyError(await harness.run('{ user(id: "7") { recentItems(first: 51) { id } } }'));
    expect(error).toEqual({ code: 'BAD_USER_INPUT', argument: 'first', message: '`first` must be at most 50 (results are capped at 50 per page), got 51' });
  });

  it('refuses a batch of more than 500 items or 1000 events, and an item that breaks the SDL bounds', async () => {
    const items = Array.from({ length: 501 }, (_, i) => ({ id: `n${i}`, title: 'T' }));
    const upsert = 'mutation ($items: [ItemInput!]!) { upsertItems(items: $items) { upsertedCount } }';
    expect(onlyError(await harness.run(upsert, { items }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'items',
      message: '`items` takes at most 500 items per call, got 501',
    });
    expect(onlyError(await harness.run(upsert, { items: [{ id: 'a', title: 'ok' }, { id: 'b', title: 'x'.repeat(1001) }] }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'items',
      message: '`items[1]`: title must be at most 1000 characters, got 1001',
    });
    expect(onlyError(await harness.run(upsert, { items: [{ id: 'x'.repeat(129), title: 'ok' }] })).message).toBe(
      '`items[0]`: id must be at most 128 characters, got 129',
    );
    expect(onlyError(await harness.run(upsert, { items: [{ id: 'a', title: 'ok', tags: Array(201).fill('t') }] })).message).toBe(
      '`items[0]`: tags must have at most 200 entries, got 201',
    );
    const events = Array.from({ length: 1001 }, () => ({ type: 'VIEW', userId: 'u', itemId: '1' }));
    expect(onlyError(await harness.run('mutation ($e: [EventInput!]!) { recordEvents(events: $e) { acceptedCount } }', { e: events }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'events',
      message: '`events` takes at most 1000 events per call, got 1001',
    });
    expect(harness.gateway.calls.filter((call) => call.method === 'upsertItems' || call.method === 'recordEvents')).toEqual([]);
  });

  it('keeps GraphQL type errors as Apollo reports them', async () => {
    const wrongType = await harness.run('{ search(query: "toy", first: "ten") { totalCount } }');
    expect(wrongType.errors?.map((error) => error.extensions?.['code'])).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(wrongType.errors?.[0]?.message).toBe('Int cannot represent non-integer value: "ten"');

    const badVariable = await search({ q: 'toy', first: 'ten' });
    expect(badVariable.errors?.map((error) => error.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(badVariable.errors?.[0]?.message).toMatch(/^Variable "\$first" got invalid value "ten"/);

    const missing = await harness.run('{ search { totalCount } }');
    expect(missing.errors?.[0]).toMatchObject({
      message: 'Field "search" argument "query" of type "String!" is required, but it was not provided.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    const badDate = await harness.run(
      'mutation ($e: [EventInput!]!) { recordEvents(events: $e) { acceptedCount } }',
      { e: [{ type: 'VIEW', userId: 'u', itemId: '1', timestamp: 'yesterday' }] },
    );
    expect(badDate.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0]?.message).toMatch(/DateTime cannot represent an invalid date-time-string yesterday/);
  });
});
