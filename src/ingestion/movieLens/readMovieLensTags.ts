import { describeValue } from '../describeValue.js';
import { readCsvRecords } from '../readCsvRecords.js';
import type { RecordIssue } from '../recordIssue.js';
import { rankTags } from './rankTags.js';

/**
 * Reads tags.csv (userId,movieId,tag,timestamp) into each movie's tags, ordered by rankTags.
 * The file is small (3,683 rows in ml-latest-small), so it is held in memory whole.
 */
export async function readMovieLensTags(file: string, onIssue: (issue: RecordIssue) => void): Promise<Map<string, string[]>> {
  const applied = new Map<string, string[]>();
  for await (const { line, result } of readCsvRecords(file)) {
    if (!result.ok) {
      onIssue({ file, line, message: result.reason });
      continue;
    }
    const { movieId, tag } = result.value;
    if (typeof movieId !== 'string' || !/^\d+$/.test(movieId) || typeof tag !== 'string') {
      onIssue({ file, line, message: `expected a movieId and a tag, got ${describeValue(movieId)} and ${describeValue(tag)}` });
      continue;
    }
    const tags = applied.get(movieId) ?? [];
    tags.push(tag);
    applied.set(movieId, tags);
  }
  return new Map([...applied].map(([movieId, tags]) => [movieId, rankTags(tags)]));
}
