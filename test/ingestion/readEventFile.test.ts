import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEventFile } from '../../src/ingestion/readEventFile.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingestion');

async function lines(file: string) {
  const all = [];
  for await (const { line, result } of readEventFile(path.join(fixtures, file))) {
    all.push([line, result.ok ? result.value : result.reason]);
  }
  return all;
}

describe('readEventFile', () => {
  it('reads CSV events: epoch seconds or ms, ISO with a zone, loose type names', async () => {
    expect(await lines('events.csv')).toEqual([
      [2, { id: null, type: 'rating', userId: '1', itemId: '11', timestamp: 964982703000, value: 4, requestId: null }],
      [3, { id: 'e-2', type: 'click', userId: '1', itemId: '12', timestamp: 1537783200000, value: null, requestId: 'req-1' }],
      [4, { id: null, type: 'add_to_cart', userId: '2', itemId: '13', timestamp: 1537783200000, value: null, requestId: null }],
      // Rules are validateEvent's: the reader passes a 6-star rating and an unknown type on.
      [5, { id: null, type: 'rating', userId: '2', itemId: '11', timestamp: 964982703000, value: 6, requestId: null }],
      [6, { id: null, type: 'purchase', userId: '2', itemId: '999', timestamp: 964982703000, value: null, requestId: null }],
      [7, { id: null, type: 'teleport', userId: '2', itemId: '11', timestamp: 964982703000, value: null, requestId: null }],
      [
        8,
        'timestamp must be an ISO 8601 date-time with a zone (2018-09-24T10:00:00Z) or epoch seconds or milliseconds, got "2018-09-24 10:00"',
      ],
    ]);
  });

  it('reads JSON Lines events with numeric ids', async () => {
    expect(await lines('events.jsonl')).toEqual([
      [1, { id: null, type: 'rating', userId: '1', itemId: '11', timestamp: 964982703000, value: 4, requestId: null }],
      [2, { id: 'e-2', type: 'click', userId: '1', itemId: '12', timestamp: 1537783200000, value: null, requestId: 'req-1' }],
      [3, { id: null, type: 'view', userId: '1', itemId: '12', timestamp: 1537783200000, value: 3, requestId: null }],
    ]);
  });
});
