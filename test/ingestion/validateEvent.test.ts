import { describe, expect, it } from '@jest/globals';
import { deriveEventId } from '../../src/ingestion/deriveEventId.js';
import { validateEvent, type UncheckedEventInput } from '../../src/ingestion/validateEvent.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');

const rating: UncheckedEventInput = {
  id: null,
  type: 'rating',
  userId: '1',
  itemId: '1',
  timestamp: 964982703000,
  value: 4,
  requestId: null,
};

function reason(input: Partial<UncheckedEventInput>): string | null {
  const result = validateEvent({ ...rating, ...input }, NOW);
  return result.ok ? null : result.reason;
}

describe('validateEvent', () => {
  it('turns a rating without an id into an event with the derived id', () => {
    expect(validateEvent(rating, NOW)).toEqual({
      ok: true,
      value: {
        id: '7d7051dfc967bf562d1e8edde5d99174',
        type: 'rating',
        userId: '1',
        itemId: '1',
        timestamp: 964982703000,
        value: 4,
        requestId: null,
      },
    });
  });

  it('keeps a given id and request id', () => {
    const result = validateEvent({ ...rating, id: 'e-1', type: 'click', value: null, requestId: 'req-9' }, NOW);
    expect(result).toEqual({
      ok: true,
      value: { id: 'e-1', type: 'click', userId: '1', itemId: '1', timestamp: 964982703000, value: null, requestId: 'req-9' },
    });
  });

  it('dates an event without a timestamp now, and derives its id from that time', () => {
    const result = validateEvent({ ...rating, timestamp: null }, NOW);
    expect(result.ok && result.value.timestamp).toBe(NOW);
    expect(result.ok && result.value.id).toBe(
      deriveEventId({ type: 'rating', userId: '1', itemId: '1', timestamp: NOW, value: 4 }),
    );
  });

  it('refuses unknown types', () => {
    expect(reason({ type: 'teleport' })).toBe(
      'type must be one of view, click, add_to_cart, purchase, rating, impression, got "teleport"',
    );
    expect(reason({ type: 'RATING' })).toBe(
      'type must be one of view, click, add_to_cart, purchase, rating, impression, got "RATING"',
    );
  });

  it('refuses empty, long and control-character ids', () => {
    expect(reason({ userId: '' })).toBe('userId must not be empty');
    expect(reason({ itemId: 'x'.repeat(129) })).toBe('itemId must be at most 128 characters, got 129');
    expect(reason({ itemId: 'x'.repeat(128) })).toBeNull();
    expect(reason({ id: 'a\nb' })).toBe('id must not contain control characters, got "a\\nb"');
    expect(reason({ requestId: 'r\u0000' })).toBe('requestId must not contain control characters, got "r\\u0000"');
    expect(reason({ userId: 'Zoë 🎬' })).toBeNull();
  });

  it('refuses timestamps more than 5 minutes ahead or before 1970', () => {
    expect(reason({ timestamp: NOW + 5 * 60 * 1000 })).toBeNull();
    expect(reason({ timestamp: NOW + 5 * 60 * 1000 + 1 })).toBe(
      'timestamp must be at most 5 minutes in the future, got 2024-05-01T12:05:00.001Z',
    );
    expect(reason({ timestamp: 0 })).toBeNull();
    expect(reason({ timestamp: -1 })).toBe('timestamp must not be before 1970, got 1969-12-31T23:59:59.999Z');
    expect(reason({ timestamp: 1e20 })).toBe('timestamp must be at most 5 minutes in the future, got 100000000000000000000');
    expect(reason({ timestamp: 1.5 })).toBe('timestamp must be an integer number of epoch milliseconds, got 1.5');
  });

  it('wants a value from 0.5 to 5 on ratings and none on other types', () => {
    expect(reason({ value: 0.5 })).toBeNull();
    expect(reason({ value: 5 })).toBeNull();
    expect(reason({ value: 0 })).toBe('value of a rating must be from 0.5 to 5, got 0');
    expect(reason({ value: 5.5 })).toBe('value of a rating must be from 0.5 to 5, got 5.5');
    expect(reason({ value: Number.NaN })).toBe('value of a rating must be from 0.5 to 5, got NaN');
    expect(reason({ value: null })).toBe('value is required on rating events');
    expect(reason({ type: 'view', value: 3 })).toBe('value is only allowed on rating events, got 3 on view');
    expect(reason({ type: 'purchase', value: null })).toBeNull();
  });
});

describe('deriveEventId', () => {
  const fields = { type: 'click' as const, userId: '1', itemId: '2', timestamp: 1_700_000_000_000, value: null };

  // Pinned: a changed derivation would record every retried event a second time.
  it('is a 32-digit hex prefix of the SHA-1 of the fields', () => {
    expect(deriveEventId(fields)).toBe('1e6edb286fd9cfe93eab407cd92ca9a1');
    expect(deriveEventId({ ...fields })).toBe(deriveEventId(fields));
  });

  it('changes with every field', () => {
    const ids = new Set([
      deriveEventId(fields),
      deriveEventId({ ...fields, type: 'view' }),
      deriveEventId({ ...fields, userId: '12', itemId: '' }),
      deriveEventId({ ...fields, userId: '', itemId: '12' }),
      deriveEventId({ ...fields, timestamp: fields.timestamp + 1 }),
      deriveEventId({ ...fields, type: 'rating', value: 4 }),
      deriveEventId({ ...fields, type: 'rating', value: 4.5 }),
    ]);
    expect(ids.size).toBe(7);
  });
});
