import { describe, expect, it } from '@jest/globals';
import { createProgressReporter } from '../../src/ingestion/createProgressReporter.js';

describe('createProgressReporter off a terminal', () => {
  it('writes a line at most every interval and a last line per file', () => {
    const written: string[] = [];
    let clock = 0;
    const reporter = createProgressReporter({ write: (text: string) => written.push(text), isTTY: false }, { intervalMs: 5000, now: () => clock });
    const file = '/data/ml/movies.csv';
    reporter.update({ stage: 'items', file, processed: 0, total: 9742 });
    clock = 4000;
    reporter.update({ stage: 'items', file, processed: 1500, total: 9742 });
    clock = 5000;
    reporter.update({ stage: 'items', file, processed: 2050, total: 9742 });
    clock = 9000;
    reporter.update({ stage: 'items', file, processed: 3000, total: 9742 });
    reporter.log('/data/ml/movies.csv:17: title must be a non-empty string, got ""');
    clock = 20000;
    reporter.update({ stage: 'items', file, processed: 9742, total: 9742 });
    reporter.update({ stage: 'events', file: '/data/ml/ratings.csv', processed: 0, total: null });
    clock = 25000;
    reporter.update({ stage: 'events', file: '/data/ml/ratings.csv', processed: 100000, total: null });
    reporter.stop();
    expect(written.join('')).toBe(
      [
        'items 2050/9742 (410/s) movies.csv',
        '/data/ml/movies.csv:17: title must be a non-empty string, got ""',
        'items 9742/9742 (487/s) movies.csv, done in 20.0 s',
        'events 100000 (20000/s) ratings.csv',
        'events 100000 (20000/s) ratings.csv, done in 5.0 s',
        '',
      ].join('\n'),
    );
  });
});
