import { describe, expect, it } from '@jest/globals';
import { parseTimestamp } from '../../src/ingestion/parseTimestamp.js';

function ms(value: unknown): number | null | string {
  const result = parseTimestamp('timestamp', value);
  return result.ok ? result.value : result.reason;
}

describe('parseTimestamp', () => {
  it('reads epoch numbers below 1e11 as seconds and from 1e11 as milliseconds', () => {
    expect(ms(964982703)).toBe(964982703000);
    expect(ms('964982703')).toBe(964982703000);
    expect(ms('964982703.25')).toBe(964982703250);
    expect(ms(99_999_999_999)).toBe(99_999_999_999_000);
    expect(ms(100_000_000_000)).toBe(100_000_000_000);
    expect(ms('1537783200000')).toBe(1537783200000);
  });

  it('reads ISO 8601 dates and date-times with a zone', () => {
    expect(ms('2018-09-24T10:00:00Z')).toBe(Date.UTC(2018, 8, 24, 10));
    expect(ms('2018-09-24T12:00:00.5+02:00')).toBe(Date.UTC(2018, 8, 24, 10, 0, 0, 500));
    expect(ms('2018-09-24 10:00Z')).toBe(Date.UTC(2018, 8, 24, 10));
    expect(ms('2018-09-24')).toBe(Date.UTC(2018, 8, 24));
  });

  it('gives null for a missing timestamp and a reason for anything else', () => {
    expect(ms(undefined)).toBeNull();
    expect(ms('')).toBeNull();
    expect(ms(null)).toBeNull();
    const expected = 'timestamp must be an ISO 8601 date-time with a zone (2018-09-24T10:00:00Z) or epoch seconds or milliseconds, got';
    expect(ms('2018-09-24T10:00:00')).toBe(`${expected} "2018-09-24T10:00:00"`);
    expect(ms('yesterday')).toBe(`${expected} "yesterday"`);
    expect(ms('2018-13-45')).toBe(`${expected} "2018-13-45"`);
    expect(ms(true)).toBe(`${expected} true`);
  });
});
