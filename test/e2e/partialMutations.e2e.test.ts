import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

/**
 * One failing mutation field costs only itself (review-2 finding 1): the payloads are nullable,
 * so mutations already applied keep their results, and the eventIds that make a retry safe
 * reach the client.
 */
describe('a failing mutation field does not wipe the results of the applied ones', () => {
  let gateway: FixtureGateway;

  beforeAll(async () => {
    gateway = await startFixtureGateway();
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('returns recordEvents’ results with their eventIds beside a refused deleteItems, and a resend with those ids is DUPLICATE', async () => {
    const first = await gateway.post({
      query: 'mutation { recordEvents(events: [{ type: PURCHASE, userId: "rr8", itemId: "1" }]) { results { status eventId } } deleteItems(ids: [""]) { deletedIds } }',
    });
    expect(first.status).toBe(200);
    expect(first.body.data.deleteItems).toBeNull();
    expect(first.body.data.recordEvents.results).toEqual([{ status: 'ACCEPTED', eventId: expect.any(String) }]);
    expect(first.body.errors).toEqual([
      {
        message: '`ids[0]` must not be empty',
        locations: [{ line: 1, column: 114 }],
        path: ['deleteItems'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'ids' },
      },
    ]);

    const eventId: string = first.body.data.recordEvents.results[0].eventId;
    const resent = await gateway.data(
      `mutation { recordEvents(events: [{ id: "${eventId}", type: PURCHASE, userId: "rr8", itemId: "1" }]) { acceptedCount results { status eventId } } }`,
    );
    expect(resent).toEqual({ recordEvents: { acceptedCount: 0, results: [{ status: 'DUPLICATE', eventId }] } });
    expect(await gateway.data('{ user(id: "rr8") { eventCount } }')).toEqual({ user: { eventCount: 1 } });
  });

  it('keeps upsertItems’ result beside a refused deleteItems, and the item is stored', async () => {
    const { status, body } = await gateway.post({
      query: 'mutation { upsertItems(items: [{ id: "partial-1", title: "Partial" }]) { ids } deleteItems(ids: ["1", ""]) { deletedIds } }',
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ upsertItems: { ids: ['partial-1'] }, deleteItems: null });
    expect(body.errors.map((error: any) => [error.path, error.message])).toEqual([[['deleteItems'], '`ids[1]` must not be empty']]);
    expect(await gateway.data('{ items(ids: ["partial-1", "1"]) { title } }')).toEqual({ items: [{ title: 'Partial' }, { title: 'Toy Story' }] });
  });
});
